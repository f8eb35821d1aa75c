using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portal.Core.Backup;

/// <summary>The serializer options of the archive's JSON entries, the same for writing and reading.</summary>
internal static class BackupJson
{
    /// <summary><c>manifest.json</c>.</summary>
    public static JsonSerializerOptions Manifest { get; } = new() { WriteIndented = true };

    /// <summary>
    /// The table files as restore reads them: as written, and a null where the entity's property
    /// does not allow one is an error (it would otherwise reach the code as a null reference).
    /// </summary>
    public static JsonSerializerOptions TablesToRead(IModel model) => new(Tables(model)) { RespectNullableAnnotations = true };

    /// <summary>
    /// The table files: an entity's JSON properties are exactly its mapped columns (navigations
    /// are left out), enums are written by name.
    /// </summary>
    public static JsonSerializerOptions Tables(IModel model)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Kind != JsonTypeInfoKind.Object || model.FindEntityType(info.Type) is not { } entity)
            {
                return;
            }

            for (var i = info.Properties.Count - 1; i >= 0; i--)
            {
                if (entity.FindProperty(info.Properties[i].Name) is null)
                {
                    info.Properties.RemoveAt(i);
                }
            }
        });
        return new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            Converters = { new JsonStringEnumConverter() },
            WriteIndented = true,

            // Chinese text stays readable in the table files; they are data, never put into HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
    }
}
