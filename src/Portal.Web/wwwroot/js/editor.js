// The article form's visual editor: Toast UI Editor (wwwroot/lib/editor, vendored by
// src/Portal.Web/ClientLib) over the body textarea, which stays the form's field. Without
// JavaScript, or when the bundle is missing, the textarea is the editor.
// See docs/decisions/0005-visual-editor.md.
(() => {
    "use strict";

    const textarea = document.getElementById("Input_BodyMarkdown");
    const host = document.querySelector("[data-visual-editor]");
    if (!textarea || !host || !window.toastui?.Editor) {
        return;
    }
    const form = textarea.form;
    const token = form.querySelector("input[name='__RequestVerificationToken']")?.value ?? "";
    const label = document.getElementById("body-label");
    // The same comparison as the server's AltTextRules: without case, spaces or trailing dots.
    const normalize = (text) => String(text ?? "").replace(/\s+/g, "").toLowerCase().replace(/[.…。:：]+$/, "");
    let placeholderAlts = [];
    try {
        placeholderAlts = JSON.parse(host.dataset.placeholderAlts || "[]").map(normalize);
    } catch {
        // A broken list only loses the early check; the server still checks every image.
    }
    const isPlaceholder = (alt, fileName) => {
        const text = normalize(alt);
        // As AltTextRules.IsPlaceholder on the server: numbered placeholders ("图片1") and bare
        // image file names are placeholders too.
        return text === "" || placeholderAlts.includes(text) || placeholderAlts.includes(text.replace(/[0-9_-]+$/, ""))
            || /\.(jpe?g|png|gif|webp|bmp|emf|wmf|tiff?)$/.test(text)
            || (!!fileName && (text === normalize(fileName) || text === normalize(fileName.replace(/\.[^.]*$/, ""))));
    };

    // ---- Server calls (contracts C1 and C2); each answers JSON, an error as { error }. ----

    // body: URLSearchParams (form fields) or FormData (a file).
    const post = async (url, body) => {
        body.append("__RequestVerificationToken", token);
        const response = await fetch(url, {
            method: "POST",
            credentials: "same-origin",
            headers: { "X-Requested-With": "fetch" },
            body,
        });
        return answer(response);
    };
    const answer = async (response) => {
        let data = null;
        try {
            data = await response.json();
        } catch {
            // Not JSON: a sign-in page after an expired session, or a proxy's error page.
        }
        if (!response.ok || !data) {
            const fallback = response.status === 401 || response.redirected
                ? "登录已过期，请在新标签页中重新登录后再试。"
                : response.status === 413 ? "文件太大，无法上传。" : "操作没有成功，请稍后再试。";
            const error = new Error(data?.error ?? fallback);
            // A refusal the server explained (in Chinese), as opposed to no usable answer at all.
            error.refusal = typeof data?.error === "string";
            throw error;
        }
        return data;
    };
    // Notices about a paste (images not carried, a refusal), read out by screen readers too.
    let notice = null;
    const announce = (message) => {
        if (!notice) {
            notice = document.createElement("p");
            notice.className = "field-hint editor-notice";
            notice.setAttribute("role", "status");
            notice.setAttribute("aria-live", "polite");
            host.before(notice);
        }
        notice.textContent = message;
    };
    const upload = (file) => {
        const body = new FormData();
        body.append("file", file);
        return post(host.dataset.uploadUrl, body);
    };

    // ---- The editor. ----

    const button = (name, text, className, onClick) => {
        const el = document.createElement("button");
        el.type = "button";
        el.className = "toastui-editor-toolbar-icons portal-tool " + className;
        el.setAttribute("aria-label", text);
        el.title = text;
        el.textContent = text;
        el.addEventListener("click", onClick);
        return { name, tooltip: text, el };
    };
    const toolbar = [
        ["heading", "bold"],
        ["ul", "ol", "quote", "hr"],
        [
            button("portalTable", "插入表格", "portal-table", () => openTableDialog()),
            "link",
            button("portalImage", "插入图片", "portal-image", () => openPicker("image")),
            button("portalAttachment", "插入附件", "portal-attachment", () => openPicker("attachment")),
        ],
        [button("portalUndo", "撤销", "portal-undo", () => editor.exec("undo"))],
    ];

    textarea.hidden = true;
    host.hidden = false;
    const editor = new window.toastui.Editor({
        el: host,
        initialValue: textarea.value,
        initialEditType: "wysiwyg",
        previewStyle: "tab",
        height: "36rem",
        language: "zh-CN",
        // The editor would otherwise report its use to Google Analytics (blocked by the CSP anyway).
        usageStatistics: false,
        autofocus: false,
        toolbarItems: toolbar,
        hooks: {
            // Images pasted from the clipboard or dropped on the editor.
            addImageBlobHook: (blob) => {
                const file = blob instanceof File ? blob : new File([blob], "粘贴的图片.png", { type: blob.type });
                upload(file)
                    .then((item) => askAltText(item))
                    .catch((error) => window.alert(error.message));
            },
        },
    });

    // The Markdown goes back into the textarea on every change, as if typed there, so the
    // drafts, the keep-alive and the size checks of admin.js see it. Only on a change: the
    // editor's own rewriting of the loaded text (list markers, escapes) is no edit.
    const sync = () => {
        const markdown = editor.getMarkdown();
        if (markdown !== textarea.value) {
            textarea.value = markdown;
            textarea.dispatchEvent(new Event("input", { bubbles: true }));
        }
    };
    editor.on("change", sync);
    window.addEventListener("submit", (event) => {
        if (event.target === form) {
            sync();
        }
    }, true);
    // admin.js restored a draft into the textarea.
    form.addEventListener("portal:draft-restored", () => editor.setMarkdown(textarea.value, false));

    // The editing surfaces are named by the 正文 label; the label focuses the editor.
    const { mdEditor, wwEditor } = editor.getEditorElements();
    for (const surface of [mdEditor, wwEditor].map((el) => el.querySelector("[contenteditable]") ?? el)) {
        surface.setAttribute("role", "textbox");
        surface.setAttribute("aria-multiline", "true");
        if (label) {
            surface.setAttribute("aria-labelledby", "body-label");
        }
        surface.setAttribute("aria-describedby", "body-hint");
    }
    label?.addEventListener("click", (event) => {
        event.preventDefault();
        editor.focus();
    });
    // Toast UI's heading menu is a list of clickable items: make them reachable by keyboard,
    // and move into it when it opens.
    const headingItems = () => host.querySelectorAll(".toastui-editor-popup-add-heading li");
    host.querySelector(".toastui-editor-toolbar-icons.heading")?.addEventListener("click", () => {
        setTimeout(() => {
            for (const item of headingItems()) {
                if (!item.hasAttribute("tabindex")) {
                    item.tabIndex = 0;
                    item.setAttribute("role", "menuitem");
                    item.addEventListener("keydown", (event) => {
                        if (event.key === "Enter" || event.key === " ") {
                            event.preventDefault();
                            item.click();
                        }
                    });
                }
            }
            headingItems()[0]?.focus();
        });
    });

    const surface = () => (editor.isWysiwygMode() ? wwEditor : mdEditor).querySelector("[contenteditable]");

    // ---- Paste (contract C1): Word, WPS and web pages are converted on the server. ----

    // Paste events this script dispatches itself carry cleaned (or, after a failure, the original)
    // clipboard contents for the editor's own paste handling, and are left alone here.
    const ours = new WeakSet();
    const pasteInto = (target, html, text) => {
        const data = new DataTransfer();
        if (html) {
            data.setData("text/html", html);
        }
        data.setData("text/plain", text);
        const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
        ours.add(event);
        target.dispatchEvent(event);
    };
    const structured = (html, text) => html.trim() !== "" || /[\n\t]/.test(text.trim());

    host.addEventListener("paste", (event) => {
        const data = event.clipboardData;
        if (ours.has(event) || !data || [...data.files].length > 0) {
            return; // ours, or files: the editor hands images to addImageBlobHook.
        }
        const html = data.getData("text/html");
        const text = data.getData("text/plain");
        if (!structured(html, text)) {
            return; // a word or a line: nothing to convert.
        }
        event.preventDefault();
        event.stopPropagation();
        const target = surface();
        const wysiwyg = editor.isWysiwygMode();
        // Multipart, as the tests send it: percent-encoding would make Chinese text nine bytes a
        // character against the form's per-value limit.
        const body = new FormData();
        body.append("html", html);
        body.append("text", text);
        post(host.dataset.pasteUrl, body)
            .then((result) => {
                if (wysiwyg && editor.isWysiwygMode()) {
                    pasteInto(target, result.html, result.markdown);
                } else {
                    editor.replaceSelection(result.markdown);
                }
                if (Array.isArray(result.notes) && result.notes.length > 0) {
                    announce(result.notes.join(" "));
                }
            })
            .catch((error) => {
                // The server refused the paste with a reason (too large, too deep): say so and
                // paste nothing. Without an answer (offline, signed out), the editor pastes by itself.
                if (error && error.refusal) {
                    announce(error.message);
                } else {
                    pasteInto(target, html, text);
                }
            });
    }, true);

    // ---- Inserting what the dialogs chose. ----

    const escapeHtml = (value) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const insertImage = (item, alt) => {
        editor.focus();
        editor.exec("addImage", { imageUrl: item.url, altText: alt });
    };
    const insertAttachment = (item) => {
        editor.focus();
        if (editor.isWysiwygMode()) {
            // The same line as the Markdown, as HTML the editor pastes like any other.
            const html = `<p>附件：<a href="${escapeHtml(item.url)}">${escapeHtml(item.title ?? item.name)}</a>（${escapeHtml(item.typeLabel)}，${escapeHtml(item.sizeText)}）</p>`;
            pasteInto(surface(), html, item.markdown);
        } else {
            editor.replaceSelection(item.markdown);
        }
    };

    // ---- Dialogs (native <dialog>: modal, Esc closes, focus stays inside). ----

    const element = (tag, attributes = {}, ...children) => {
        const el = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes)) {
            if (name === "text") {
                el.textContent = value;
            } else {
                el.setAttribute(name, value);
            }
        }
        el.append(...children);
        return el;
    };
    const dialog = (id, title) => {
        const heading = element("h2", { id: id + "-title", text: title });
        const close = element("button", { type: "button", class: "dialog-close", text: "关闭" });
        const box = element("dialog", { id, class: "editor-dialog", "aria-labelledby": heading.id }, heading);
        close.addEventListener("click", () => box.close());
        box.addEventListener("close", () => editor.focus());
        document.body.append(box);
        return { box, close };
    };

    // 插入表格: rows and columns by keyboard (the editor's own grid needs a mouse).
    let tableDialog = null;
    const openTableDialog = () => {
        if (!tableDialog) {
            const { box, close } = dialog("table-dialog", "插入表格");
            const rows = element("input", { id: "table-rows", type: "number", min: "2", max: "50", value: "3", required: "" });
            const columns = element("input", { id: "table-columns", type: "number", min: "1", max: "20", value: "3", required: "" });
            const insert = element("button", { type: "submit", class: "primary", text: "插入" });
            const inner = element("form", { method: "dialog" },
                element("p", { class: "field-hint", text: "第一行为表头。" }),
                element("div", { class: "field" }, element("label", { for: rows.id, text: "行数（含表头）" }), rows),
                element("div", { class: "field" }, element("label", { for: columns.id, text: "列数" }), columns),
                element("div", { class: "actions" }, insert, close));
            inner.addEventListener("submit", (event) => {
                event.preventDefault();
                if (!inner.reportValidity()) {
                    return;
                }
                box.close();
                editor.exec("addTable", { rowCount: Number(rows.value), columnCount: Number(columns.value) });
            });
            box.append(inner);
            tableDialog = box;
        }
        tableDialog.showModal();
    };

    // The media picker: the library (search, newest first, pages), upload in place, alt text.
    const picker = (() => {
        const { box, close } = dialog("media-picker", "");
        const title = box.querySelector("h2");
        const search = element("input", { id: "media-picker-q", type: "search" });
        const searchForm = element("form", { class: "picker-search", role: "search" },
            element("label", { for: search.id, text: "按文件名搜索" }), search,
            element("button", { type: "submit", text: "搜索" }));
        const status = element("p", { class: "picker-status", role: "status", "aria-live": "polite" });
        const list = element("ul", { class: "picker-list" });
        const previous = element("button", { type: "button", text: "上一页" });
        const next = element("button", { type: "button", text: "下一页" });
        const pageText = element("span");
        const pager = element("nav", { class: "picker-pager", "aria-label": "分页" }, previous, " ", pageText, " ", next);
        const file = element("input", { id: "media-picker-file", type: "file" });
        const drop = element("div", { class: "picker-drop" },
            element("label", { for: file.id, text: "上传新文件（也可把文件拖到这里）" }), file);
        box.append(searchForm, status, list, pager, drop, element("div", { class: "actions" }, close));

        const state = { kind: "image", q: "", page: 1, totalPages: 1 };
        const load = async () => {
            status.textContent = "正在载入……";
            list.replaceChildren();
            const url = new URL(host.dataset.pickerUrl, location.href);
            url.search = new URLSearchParams({ kind: state.kind, q: state.q, page: String(state.page) }).toString();
            try {
                const data = await answer(await fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } }));
                state.totalPages = Math.max(1, data.totalPages);
                state.page = data.page;
                for (const item of data.items) {
                    list.append(row(item));
                }
                status.textContent = data.items.length === 0 ? (state.q ? "没有找到名称相符的文件。" : "文件库中还没有文件，请上传。") : "";
            } catch (error) {
                status.textContent = error.message;
            }
            pageText.textContent = `第 ${state.page} / ${state.totalPages} 页`;
            previous.disabled = state.page <= 1;
            next.disabled = state.page >= state.totalPages;
        };
        const row = (item) => {
            const choose = element("button", { type: "button", text: "插入" });
            choose.setAttribute("aria-label", `插入“${item.name}”`);
            choose.addEventListener("click", () => chosen(item));
            const preview = item.thumbnailUrl ? element("img", { src: item.thumbnailUrl, alt: "" }) : element("span", { class: "picker-type", text: item.typeLabel });
            return element("li", {}, preview,
                element("span", { class: "picker-name", text: item.name }),
                element("span", { class: "picker-meta", text: `${item.typeLabel} · ${item.sizeText} · ${item.uploadedAt}` }),
                choose);
        };
        const chosen = (item) => {
            box.close();
            if (item.kind === "image") {
                askAltText(item);
            } else {
                insertAttachment(item);
            }
        };
        const send = async (files) => {
            const selected = [...files][0];
            if (!selected) {
                return;
            }
            status.textContent = `正在上传“${selected.name}”……`;
            try {
                chosen(await upload(selected));
            } catch (error) {
                status.textContent = error.message;
            } finally {
                file.value = "";
            }
        };

        searchForm.addEventListener("submit", (event) => {
            event.preventDefault();
            state.q = search.value.trim();
            state.page = 1;
            load();
        });
        previous.addEventListener("click", () => { state.page -= 1; load(); });
        next.addEventListener("click", () => { state.page += 1; load(); });
        file.addEventListener("change", () => send(file.files));
        drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("dragging"); });
        drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
        drop.addEventListener("drop", (event) => {
            event.preventDefault();
            drop.classList.remove("dragging");
            send(event.dataTransfer.files);
        });

        return (kind) => {
            state.kind = kind;
            state.q = "";
            state.page = 1;
            search.value = "";
            title.textContent = kind === "image" ? "插入图片" : "插入附件";
            file.accept = kind === "image" ? "image/*" : "";
            box.showModal();
            load();
        };
    })();
    const openPicker = (kind) => picker(kind);

    // The alternative text of an image: required, and no placeholder word.
    let altDialog = null;
    const askAltText = (item) => {
        if (!altDialog) {
            const { box, close } = dialog("alt-dialog", "图片的替代文字");
            const image = element("img", { class: "alt-preview", alt: "" });
            const input = element("input", { id: "alt-text", type: "text", maxlength: "200", "aria-describedby": "alt-hint alt-error" });
            const error = element("p", { id: "alt-error", class: "field-error", role: "alert" });
            const inner = element("form", { method: "dialog", novalidate: "" }, image,
                element("div", { class: "field" },
                    element("label", { for: input.id, text: "替代文字（必填）" }), input,
                    element("span", { id: "alt-hint", class: "field-hint", text: "用一句话说明图片的内容，供看不到图片的读者使用。" }),
                    error),
                element("div", { class: "actions" }, element("button", { type: "submit", class: "primary", text: "插入图片" }), close));
            inner.addEventListener("submit", (event) => {
                event.preventDefault();
                const alt = input.value.trim();
                if (isPlaceholder(alt, altDialog.item.name)) {
                    error.textContent = "请填写能说明图片内容的替代文字，不能使用“说明文字”“图片”等占位词。";
                    input.setAttribute("aria-invalid", "true");
                    input.focus();
                    return;
                }
                box.close();
                insertImage(altDialog.item, alt);
            });
            box.append(inner);
            altDialog = { box, image, input, error };
        }
        altDialog.item = item;
        altDialog.image.src = item.thumbnailUrl ?? item.url;
        altDialog.input.value = "";
        altDialog.input.removeAttribute("aria-invalid");
        altDialog.error.textContent = "";
        altDialog.box.showModal();
        altDialog.input.focus();
    };
})();
