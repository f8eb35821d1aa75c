// Portal public site: small enhancements on top of pages that already work without JavaScript.
// Loaded with `defer`; the Content-Security-Policy forbids inline script, so everything lives here.
(() => {
    "use strict";

    const sizes = ["small", "medium", "large"];
    const cookieName = "portal-font-size";
    const oneYear = 60 * 60 * 24 * 365;

    // 字号 switch. Each link also works without JavaScript (/font-size/<size>?returnUrl=...,
    // where the server writes the same cookie and redirects back); here we skip the round trip.
    function applyFontSize(size) {
        const root = document.documentElement;
        root.classList.remove(...sizes.map((s) => `fs-${s}`));
        root.classList.add(`fs-${size}`);

        const secure = location.protocol === "https:" ? "; secure" : "";
        document.cookie = `${cookieName}=${size}; path=/; max-age=${oneYear}; samesite=lax${secure}`;

        for (const link of document.querySelectorAll("a[data-font-size]")) {
            if (link.dataset.fontSize === size) {
                link.setAttribute("aria-current", "true");
            } else {
                link.removeAttribute("aria-current");
            }
        }
    }

    document.addEventListener("click", (event) => {
        // Let the browser handle new-tab / new-window clicks and anything already handled.
        if (event.defaultPrevented || event.button !== 0 ||
            event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
            return;
        }
        const link = event.target instanceof Element ? event.target.closest("a[data-font-size]") : null;
        if (!link || !sizes.includes(link.dataset.fontSize)) {
            return; // unknown size: fall through to the server route
        }
        event.preventDefault();
        applyFontSize(link.dataset.fontSize);
    });

    // 打印. The button ships `hidden` because it needs script; show it only where printing exists.
    if (typeof window.print === "function") {
        for (const button of document.querySelectorAll("button[data-print]")) {
            button.hidden = false;
            button.addEventListener("click", () => window.print());
        }
    }
})();
