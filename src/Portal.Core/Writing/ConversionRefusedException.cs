namespace Portal.Core.Writing;

/// <summary>
/// A paste or a Word document the converters refuse (too large, not a Word document, encrypted,
/// with macros…), with a message in Chinese for the editor. Nothing was written.
/// </summary>
public sealed class ConversionRefusedException : Exception
{
    public ConversionRefusedException()
    {
    }

    public ConversionRefusedException(string message)
        : base(message)
    {
    }

    public ConversionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
