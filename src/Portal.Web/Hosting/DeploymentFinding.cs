namespace Portal.Web.Hosting;

/// <summary>A setting production should not run with: its key, what the log says (English) and what the dashboard says (Chinese).</summary>
public sealed record DeploymentFinding(string Setting, string LogMessage, string Message);
