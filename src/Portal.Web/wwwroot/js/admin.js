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

    // The server refuses a form field over 4 MiB (ASP.NET Core's form value limit) and an image
    // over its upload limit with a 413 page. Say so before sending, while the text is on screen.
    const maxFieldBytes = 4 * 1024 * 1024;
    const encoder = new TextEncoder();
    const tooLarge = (form) => {
        for (const field of form.querySelectorAll("textarea, input[type='text']")) {
            if (field.value.length * 3 > maxFieldBytes && encoder.encode(field.value).length > maxFieldBytes) {
                const label = form.querySelector(`label[for='${field.id}']`)?.textContent.trim() ?? "内容";
                return `“${label}”超过 4 MB，无法提交。请缩短内容或拆分成多篇后再提交。`;
            }
        }
        for (const input of form.querySelectorAll("input[type='file'][data-max-bytes]")) {
            if ([...input.files].some((file) => file.size > Number(input.dataset.maxBytes))) {
                return input.dataset.maxText;
            }
        }
        return null;
    };

    document.addEventListener("submit", (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement)) {
            return;
        }
        const refusal = tooLarge(form);
        if (refusal) {
            event.preventDefault();
            window.alert(refusal);
            return;
        }
        // Destructive actions (delete, withdraw, disable) ask once before the form is sent.
        const message = event.submitter?.dataset.confirm ?? form.dataset.confirm;
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });
})();
