namespace Portal.Web.Commands;

/// <summary>A verb's arguments are wrong in a way worth saying exactly; the verb prints the message and the usage and exits 2.</summary>
public sealed class UsageException(string message) : Exception(message);
