using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HealthBot.Admin.Pages;

/// <summary>
/// A page under <c>…/{lang}</c> answers 404, for every handler (GET and POST alike), when the route's language is not
/// one of the deployment's: <c>/admin/content/handwashing/xx</c> would otherwise open a form that makes a new one.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SupportedLanguageAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!ContentWorkflow.IsSupportedLanguage(context.RouteData.Values["lang"]?.ToString()))
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
