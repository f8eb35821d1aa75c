namespace Portal.Core.Inspection;

/// <summary>The link checker refused to connect: the host is not on the public Internet.</summary>
public sealed class InternalAddressException(string host) : IOException($"{host} is not a public Internet address; the link checker does not connect to it.");
