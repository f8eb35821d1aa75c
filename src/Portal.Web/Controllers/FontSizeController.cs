using Microsoft.AspNetCore.Mvc;
using Portal.Web.Hosting;
using Portal.Web.Models;

namespace Portal.Web.Controllers;

/// <summary>
/// The 字号 switch without JavaScript: a plain link stores the choice in a cookie and returns to
/// the page. (With JavaScript, site.js writes the same cookie and switches at once.)
/// </summary>
public sealed class FontSizeController(TimeProvider time) : Controller
{
    [HttpGet("/font-size/{size}")]
    public IActionResult Set(string size, string? returnUrl)
    {
        if (!FontSizePreference.TryParse(size, out var fontSize))
        {
            return NotFound();
        }

        Response.Cookies.Append(FontSizePreference.CookieName, fontSize.Name(), new CookieOptions
        {
            Path = "/",
            Expires = time.GetUtcNow().AddYears(1),
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            // Not HttpOnly: site.js writes the same cookie when it switches without a reload.
            HttpOnly = false,
        });

        // Only ever back to a page of this site: an open redirect would let a link that looks like ours lead anywhere.
        return LocalRedirect(LocalReturnUrl.Resolve(Url, returnUrl, "/"));
    }
}
