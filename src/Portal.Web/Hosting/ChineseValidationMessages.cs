using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Portal.Web.Hosting;

/// <summary>
/// Gives every validation attribute that carries no message of its own a Chinese one, and puts a
/// Chinese <see cref="RequiredAttribute"/> on every property MVC treats as required without one
/// (a non-nullable <c>int</c>, such as a form's hidden <c>Version</c>): MVC would otherwise add
/// its own English "The Version field is required.", on the server and in the
/// <c>data-val-required</c> attribute that client-side validation shows. A property without a
/// <see cref="DisplayAttribute"/> is not named in the message (its C# name is not Chinese). Our
/// own attributes (<c>SiteDateRangeAttribute</c>) keep the messages they bring.
/// </summary>
public sealed class ChineseValidationMessages : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        var named = context.Attributes.OfType<DisplayAttribute>().Any(d => d.GetName() is not null);
        var validators = context.ValidationMetadata.ValidatorMetadata;
        var required = false;
        foreach (var attribute in validators.OfType<ValidationAttribute>())
        {
            required |= attribute is RequiredAttribute;
            // Only the framework's own attributes: one of ours brings its message (often through
            // its constructor, which leaves ErrorMessage null).
            if (attribute.GetType().Assembly == typeof(RequiredAttribute).Assembly
                && attribute.ErrorMessage is null && attribute.ErrorMessageResourceType is null && attribute.ErrorMessageResourceName is null)
            {
                attribute.ErrorMessage = MessageFor(attribute, named);
            }
        }

        var type = context.Key.ModelType;
        if (!required && context.Key.MetadataKind == ModelMetadataKind.Property
            && type.IsValueType && Nullable.GetUnderlyingType(type) is null)
        {
            validators.Add(new RequiredAttribute { ErrorMessage = MessageFor(new RequiredAttribute(), named) });
        }
    }

    /// <summary>The Chinese message of an attribute; <c>{0}</c> is the field's display name, <c>{1}</c>, <c>{2}</c> the attribute's limits.</summary>
    private static string MessageFor(ValidationAttribute attribute, bool named)
    {
        var field = named ? "{0}" : "此项";
        return attribute switch
        {
            RequiredAttribute => $"请填写{field}。",
            StringLengthAttribute { MinimumLength: > 0 } => $"{field}的长度须在 {{2}} 至 {{1}} 个字之间。",
            StringLengthAttribute or MaxLengthAttribute => $"{field}不能超过 {{1}} 个字。",
            MinLengthAttribute => $"{field}不能少于 {{1}} 个字。",
            RangeAttribute => $"{field}须在 {{1}} 至 {{2}} 之间。",
            EmailAddressAttribute => $"{field}不是有效的电子邮件地址。",
            UrlAttribute => $"{field}不是有效的网址。",
            PhoneAttribute => $"{field}不是有效的电话号码。",
            CompareAttribute => $"{field}与确认的内容不一致。",
            RegularExpressionAttribute => $"{field}的格式不正确。",
            _ => $"{field}的值无效。",
        };
    }
}
