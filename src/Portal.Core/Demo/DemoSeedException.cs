namespace Portal.Core.Demo;

/// <summary>A <c>seed-demo</c> run that cannot start (the store already holds that seed's articles); nothing was written.</summary>
public sealed class DemoSeedException(string message) : Exception(message);
