using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Portal.Web.Hosting;

/// <summary>
/// MVC's model-binding messages in Chinese: what editors and readers see beside a field whose
/// value could not be read at all (a word in a number field, a date that is not one). The
/// validation messages of each input model are written on its attributes.
/// </summary>
public static class ChineseModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetMissingBindRequiredValueAccessor(field => $"请填写{field}。");
        messages.SetMissingKeyOrValueAccessor(() => "请填写此项。");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        messages.SetValueMustNotBeNullAccessor(_ => "此项不能为空。");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{field}。");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        messages.SetUnknownValueIsInvalidAccessor(field => $"{field}的值无效。");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "所填的值无效。");
        messages.SetValueIsInvalidAccessor(value => $"“{value}”无效。");
        messages.SetValueMustBeANumberAccessor(field => $"{field}必须是数字。");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "此项必须是数字。");
    }
}
