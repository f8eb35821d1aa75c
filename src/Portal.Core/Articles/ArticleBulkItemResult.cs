namespace Portal.Core.Articles;

/// <summary>What a bulk action did to one article.</summary>
/// <param name="Id">The article's id as sent.</param>
/// <param name="Title">Its title; <c>文章 #id</c> when it does not exist or lies outside the actor's sections.</param>
/// <param name="Succeeded">Whether the command was carried out and saved.</param>
/// <param name="Message">成功's message, or the service's reason in Chinese.</param>
public sealed record ArticleBulkItemResult(int Id, string Title, bool Succeeded, string Message);
