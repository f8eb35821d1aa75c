using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Portal.Web.Hosting;

/// <summary>
/// MVC's model-binding messages in Chinese: what editors and readers see beside a field whose
/// value could not be read at all (a word in a number field, a date that is not one). The
/// validation messages of each input model are written on its attributes. A field without a
/// Chinese display name (an action parameter such as <c>publishAt</c>) is not named: its C# name
/// means nothing to the reader.
/// </summary>
public static class ChineseModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetMissingBindRequiredValueAccessor(field => $"请填写{Field(field, "此项")}。");
        messages.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        messages.SetValueMustNotBeNullAccessor(_ => "此项不能为空。");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{Field(field, "值")}。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        messages.SetUnknownValueIsInvalidAccessor(field => $"{Field(field, "所填")}的值无效。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "所填的值无效。");
        messages.SetValueIsInvalidAccessor(value => $"“{value}”无效。");
        messages.SetValueMustBeANumberAccessor(field => $"{Field(field, "此项")}必须是数字。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "此项必须是数字。");
    }

    /// <summary>The field's display name when it is Chinese; otherwise <paramref name="fallback"/>.</summary>
    private static string Field(string? name, string fallback) =>
        name is not null && name.Any(c => c is >= '\u4e00' and <= '\u9fff') ? name : fallback;
}
