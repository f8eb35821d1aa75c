// Admin area: small enhancements; every form works without JavaScript.
(() => {
    "use strict";

    const signedIn = document.body.dataset.signedIn !== undefined;

    // A long form (the article editor, marked data-keep-alive) keeps its text in this browser
    // while it is typed, so nothing is lost when the session has expired by the time it is sent:
    // after signing in again, the page offers the text back. A draft is dropped when the page
    // shows the same text (it was saved, or the form came back with it), on a deliberate
    // sign-out, and after a week.
    const draftPrefix = "portal.draft:";
    const draftLifetime = 7 * 24 * 60 * 60 * 1000;
    document.querySelector("form.admin-logout")?.addEventListener("submit", () => {
        for (const name of Object.keys(localStorage).filter((k) => k.startsWith(draftPrefix))) {
            localStorage.removeItem(name);
        }
    });

    const form = document.querySelector("form[data-keep-alive]");
    if (form && signedIn) {
        // Drafts are kept per account, so another user of the same browser is never offered them.
        const userPrefix = draftPrefix + (document.body.dataset.user ?? "") + ":";
        const key = userPrefix + new URL(form.action, location.href).pathname;
        const fields = () => Array.from(form.elements).filter((e) =>
            e.name && e.name !== "__RequestVerificationToken" && !["password", "file", "submit", "button"].includes(e.type));
        const valueOf = (e) => e.type === "checkbox" || e.type === "radio" ? String(e.checked) : e.value;
        // Hidden fields (the version the text was based on) are kept and restored, so a draft
        // restored over a newer version still meets the conflict check; they are not compared.
        const values = () => Object.fromEntries(fields().map((e) => [e.name, valueOf(e)]));
        const shown = () => Object.fromEntries(fields().filter((e) => e.type !== "hidden").map((e) => [e.name, valueOf(e)]));
        const same = (draft, now) => Object.keys(now).every((name) => !(name in draft) || draft[name] === now[name]);
        const read = (name) => {
            try { return JSON.parse(localStorage.getItem(name) ?? "null"); } catch { return null; }
        };

        // This account's drafts that are stale, or whose text this page now shows (a new article
        // saved from the create page arrives here, under another address), go.
        const current = shown();
        for (const name of Object.keys(localStorage).filter((k) => k.startsWith(userPrefix) && k !== key)) {
            const other = read(name);
            if (!other || !other.fields || Date.now() - other.at > draftLifetime || same(other.fields, current)) {
                localStorage.removeItem(name);
            }
        }

        const stored = read(key);
        if (stored && stored.fields && Date.now() - stored.at <= draftLifetime && !same(stored.fields, current)) {
            const notice = document.createElement("div");
            notice.className = "draft-notice";
            notice.setAttribute("role", "alert");
            const at = new Date(stored.at).toLocaleString("zh-CN", { hour12: false });
            notice.append(`本浏览器中保存有此页面尚未提交的内容（${at}）。`);
            const restore = document.createElement("button");
            restore.type = "button";
            restore.textContent = "恢复未保存的内容";
            restore.addEventListener("click", () => {
                for (const element of fields()) {
                    if (element.name in stored.fields) {
                        if (element.type === "checkbox" || element.type === "radio") {
                            element.checked = stored.fields[element.name] === "true";
                        } else {
                            element.value = stored.fields[element.name];
                        }
                    }
                }
                notice.remove();
                // The visual editor (editor.js) shows the restored body too.
                form.dispatchEvent(new CustomEvent("portal:draft-restored"));
            });
            const discard = document.createElement("button");
            discard.type = "button";
            discard.textContent = "丢弃";
            discard.addEventListener("click", () => {
                localStorage.removeItem(key);
                notice.remove();
            });
            notice.append(" ", restore, " ", discard);
            form.prepend(notice);
        } else if (stored) {
            localStorage.removeItem(key);
        }

        let typed = false;
        let timer = 0;
        form.addEventListener("input", () => {
            typed = true;
            clearTimeout(timer);
            timer = setTimeout(() => {
                try {
                    localStorage.setItem(key, JSON.stringify({ at: Date.now(), fields: values() }));
                } catch {
                    // Storage full or disabled: the form still works, only without the safety net.
                }
            }, 800);
        });
        // Leaving a changed form asks first; a deliberate submit does not (a preview opened in
        // another tab leaves this page where it is, so it still counts as unsaved).
        const loaded = shown();
        let submitted = false;
        window.addEventListener("beforeunload", (event) => {
            const now = shown();
            if (!submitted && Object.keys(now).some((name) => now[name] !== loaded[name])) {
                event.preventDefault();
                event.returnValue = "";
            }
        });
        form.addEventListener("submit", (event) => {
            clearTimeout(timer);
            if (event.defaultPrevented) {
                return;
            }
            if ((event.submitter?.formTarget || form.target || "_self") === "_self") {
                submitted = true;
            }
            try {
                localStorage.setItem(key, JSON.stringify({ at: Date.now(), fields: values() }));
            } catch {
                // As above.
            }
        });

        // While the editor types, the session is kept alive (the idle timeout counts from the
        // last request); a page left alone still times out. When the session has ended anyway,
        // the editor is told at once, with the text safe in this browser.
        const token = form.querySelector("input[name='__RequestVerificationToken']")?.value;
        if (token) {
            setInterval(() => {
                if (!typed) {
                    return;
                }
                typed = false;
                fetch("/admin/account/keepalive", {
                    method: "POST",
                    credentials: "same-origin",
                    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Requested-With": "fetch" },
                    body: "__RequestVerificationToken=" + encodeURIComponent(token),
                }).then((response) => {
                    if (response.status === 401 && !form.querySelector(".session-ended")) {
                        const ended = document.createElement("p");
                        ended.className = "form-errors session-ended";
                        ended.setAttribute("role", "alert");
                        ended.textContent = "登录已过期。已输入的内容保存在本浏览器中：请在新标签页中重新登录，再回到此页面提交；或提交后登录，回到此页面即可恢复。";
                        form.prepend(ended);
                    }
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

    // In the capture phase, so a refused or cancelled form is known to the form's own handlers.
    document.addEventListener("submit", (event) => {
        const target = event.target;
        if (!(target instanceof HTMLFormElement)) {
            return;
        }
        const refusal = tooLarge(target);
        if (refusal) {
            event.preventDefault();
            window.alert(refusal);
            return;
        }
        // Destructive actions (delete, withdraw, disable) ask once before the form is sent.
        const message = event.submitter?.dataset.confirm ?? target.dataset.confirm;
        if (message && !window.confirm(message)) {
            event.preventDefault();
            return;
        }
        // A choice that removes something when emptied (the footer's QR code) asks only then.
        for (const field of target.querySelectorAll("select[data-confirm-cleared]")) {
            const was = Array.from(field.options).find((o) => o.defaultSelected)?.value ?? "";
            if (was !== "" && field.value === "" && !window.confirm(field.dataset.confirmCleared)) {
                event.preventDefault();
                return;
            }
        }
    }, true);

    // The article list's select-all box: hidden without JavaScript (the row boxes work alone),
    // shown here and kept in step with the rows (checked when all are, mixed when some are).
    for (const all of document.querySelectorAll("input[data-select-all]")) {
        const form = all.form;
        const rows = () => Array.from(form?.elements ?? []).filter((e) => e.type === "checkbox" && e.name === all.dataset.selectAll);
        const sync = () => {
            const boxes = rows();
            const checked = boxes.filter((b) => b.checked).length;
            all.checked = boxes.length > 0 && checked === boxes.length;
            all.indeterminate = checked > 0 && checked < boxes.length;
        };
        all.hidden = false;
        all.addEventListener("change", () => {
            for (const box of rows()) {
                box.checked = all.checked;
            }
        });
        form?.addEventListener("change", (event) => {
            if (event.target !== all) {
                sync();
            }
        });
        sync();
    }
})();
