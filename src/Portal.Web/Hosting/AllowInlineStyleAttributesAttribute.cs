namespace Portal.Web.Hosting;

/// <summary>
/// Marks an endpoint whose page runs the visual editor (Toast UI Editor). That editor positions
/// its pop-ups, table cells and toolbar overflow with <c>style</c> attributes, which the strict
/// policy (<c>style-src 'self'</c>) refuses. <see cref="SecurityHeadersMiddleware"/> allows inline
/// style attributes — <c>style-src-attr 'unsafe-inline'</c> and nothing more — on such endpoints
/// only: style elements and all scripts stay at <c>'self'</c>, and a style attribute can neither
/// run script nor load anything the rest of the policy refuses (docs/decisions/0005-visual-editor.md).
/// Read from the endpoint's metadata, never from the request path, so a new editor page opts in
/// where it is declared and a look-alike address gains nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
public sealed class AllowInlineStyleAttributesAttribute : Attribute;
