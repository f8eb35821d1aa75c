// Admin area: small enhancements; every form works without JavaScript.
(() => {
    "use strict";

    // A page with a long form (the article editor) keeps the 30-minute sliding login alive while
    // it is open, so the text is not lost when it is finally saved. The token is the form's own.
    const keepAlive = document.querySelector("form[data-keep-alive]");
    if (keepAlive) {
        const token = keepAlive.querySelector("input[name='__RequestVerificationToken']")?.value;
        if (token) {
            setInterval(() => {
                fetch("/admin/account/keepalive", {
                    method: "POST",
                    credentials: "same-origin",
                    headers: { "Content-Type": "application/x-www-form-urlencoded" },
                    body: "__RequestVerificationToken=" + encodeURIComponent(token),
                }).catch(() => { /* offline for a moment: the next tick tries again */ });
            }, 5 * 60 * 1000);
        }
    }

    // Destructive actions (delete, withdraw, disable) ask once before the form is sent.
    document.addEventListener("submit", (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement)) {
            return;
        }
        const message = event.submitter?.dataset.confirm ?? form.dataset.confirm;
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });
})();
