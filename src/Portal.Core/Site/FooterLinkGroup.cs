namespace Portal.Core.Site;

/// <summary>An ordered group of footer links, e.g. links to other government sites.</summary>
public class FooterLinkGroup
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int SortOrder { get; set; }

    public List<FooterLink> Links { get; set; } = [];
}

/// <summary>A link in a footer group. A link with no known address is shown as plain text, never as <c>#</c>.</summary>
public class FooterLink
{
    public int Id { get; set; }

    public int GroupId { get; set; }

    public FooterLinkGroup? Group { get; set; }

    public string Text { get; set; } = "";

    /// <summary>An absolute http(s) address, a site-relative path, or null when the address is unknown.</summary>
    public string? Url { get; set; }

    public int SortOrder { get; set; }
}
