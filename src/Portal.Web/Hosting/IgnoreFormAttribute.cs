using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Portal.Web.Hosting;

/// <summary>
/// Model binding of the actions it marks never reads the request's form: their parameters come
/// from the route and the query string only. MVC builds every value provider before it binds
/// anything, so without this a form that cannot be read (past a form limit) fails all binding,
/// even of a <c>[FromRoute]</c> parameter. <see cref="FormLimitsFilter"/> leaves these actions alone.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class IgnoreFormAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
