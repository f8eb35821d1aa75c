// Admin area: small enhancements; every form works without JavaScript.
(() => {
    "use strict";

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
