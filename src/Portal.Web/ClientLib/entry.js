// The one entry point of the vendored editor bundle: Toast UI Editor with its Simplified Chinese
// language pack and style sheet, exposed as window.toastui.Editor for wwwroot/js/editor.js.
import Editor from "@toast-ui/editor";
import "@toast-ui/editor/dist/i18n/zh-cn";
import "@toast-ui/editor/dist/toastui-editor.css";

window.toastui = { Editor };
