/// The one script, optional: every page works without it. It makes a rating instant — the form is posted
/// in the background and the page's `<main>` replaced by the re-ranked one the server answers with — and
/// switches profile as soon as one is chosen. Nothing inline (the Content-Security-Policy forbids it).
enum Script {
    static let javascript = #"""
    "use strict";
    document.addEventListener("submit", async (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") return;
      if (!form.matches("form.rate, form.undo")) return;
      event.preventDefault();
      const body = new URLSearchParams(new FormData(form));
      if (event.submitter && event.submitter.name) body.set(event.submitter.name, event.submitter.value);
      form.classList.add("busy");
      try {
        const response = await fetch(form.action, { method: "POST", body, credentials: "same-origin" });
        const next = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("main");
        const main = document.querySelector("main");
        if (!next || !main) throw new Error("no page");
        main.replaceWith(next);
        if (response.ok && response.redirected) history.replaceState(null, "", response.url);
      } catch (error) {
        location.reload();
      }
    });
    document.addEventListener("DOMContentLoaded", () => {
      for (const select of document.querySelectorAll("form.switch select")) {
        select.addEventListener("change", () => select.form.submit());
        const button = select.form.querySelector("button");
        if (button) button.hidden = true;
      }
    });
    """#
}
