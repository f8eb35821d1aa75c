namespace Portal.Core.Inspection;

/// <summary>How serious a finding is.</summary>
public enum InspectionLevel
{
    /// <summary>单项否决 risk: the national inspection fails the site on it alone.</summary>
    Veto = 0,

    /// <summary>警告: costs points, or is a veto in the making.</summary>
    Warning = 1,

    /// <summary>提示.</summary>
    Info = 2,
}

/// <summary>One run of every inspection rule; the newest run's findings are what the admin area shows.</summary>
public class InspectionRun
{
    public int Id { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime FinishedAt { get; set; }

    public int VetoCount { get; set; }

    public int WarningCount { get; set; }

    public int InfoCount { get; set; }

    public List<InspectionFinding> Findings { get; set; } = [];
}

/// <summary>What one rule found wrong with one thing.</summary>
public class InspectionFinding
{
    public long Id { get; set; }

    public int RunId { get; set; }

    /// <summary>The rule's id, e.g. <c>home-stale</c>.</summary>
    public string Rule { get; set; } = "";

    public InspectionLevel Level { get; set; }

    /// <summary>What the finding is about, in words (a section's name, an article's title, 网站标识码).</summary>
    public string Subject { get; set; } = "";

    /// <summary>What is wrong and what to do, in Chinese.</summary>
    public string Message { get; set; } = "";

    /// <summary>The admin page that fixes it (a site path).</summary>
    public string Url { get; set; } = "";
}

/// <summary>The last check of an external address by the background link checker (kept 24 h).</summary>
public class LinkCheck
{
    public int Id { get; set; }

    /// <summary>The absolute address checked (unique).</summary>
    public string Url { get; set; } = "";

    /// <summary>Whether the address answered with a success (2xx, after at most a few redirects).</summary>
    public bool Ok { get; set; }

    /// <summary>The final HTTP status; null when there was no answer (timeout, DNS, refused, redirect loop).</summary>
    public int? StatusCode { get; set; }

    /// <summary>Why the address failed, in Chinese; null when it answered.</summary>
    public string? Problem { get; set; }

    public DateTime CheckedAt { get; set; }
}
