// The desk page: send the two texts to POST /v1/check?format=html, show the verdict
// (from the X-Wirecheck-Verdict header) and the report the server rendered, in a
// sandboxed frame where nothing runs.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("check-form");
  let reportUrl = null;

  function side(kind, text) {
    const o = {};
    o[kind] = text;
    return o;
  }

  function setStatus(text, isError) {
    $("status").textContent = text;
    $("status").className = isError ? "error" : "";
  }

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const kind = $("kind").value;
    const fr = $("fr").value;
    const en = $("en").value;
    const url = $("en-url").value.trim();
    if (!fr.trim()) { setStatus("Paste the French version.", true); return; }
    if (!en.trim() && !url) { setStatus("Paste the English source or give its URL.", true); return; }
    const body = { fr: side(kind, fr), en: en.trim() ? side(kind, en) : { url: url } };
    if ($("fail-on").value) body.fail_on = $("fail-on").value;
    const headers = { "Content-Type": "application/json" };
    const token = $("token").value.trim();
    if (token) headers.Authorization = "Bearer " + token;
    $("check").disabled = true;
    setStatus("Checking…", false);
    try {
      const res = await fetch("/v1/check?format=html", { method: "POST", headers: headers, body: JSON.stringify(body) });
      const text = await res.text();
      if (!res.ok) {
        let msg = text;
        try { msg = JSON.parse(text).error; } catch (e) { /* not JSON */ }
        setStatus("Could not check (" + res.status + "): " + msg, true);
        return;
      }
      const verdict = res.headers.get("X-Wirecheck-Verdict") || "";
      const v = $("verdict");
      v.className = "verdict " + verdict;
      v.textContent = verdict === "pass" ? "PASS: nothing blocks publication" : "FAIL: do not publish as it is";
      $("report").srcdoc = text;
      if (reportUrl) URL.revokeObjectURL(reportUrl);
      reportUrl = URL.createObjectURL(new Blob([text], { type: "text/html" }));
      $("open-report").href = reportUrl;
      $("result").hidden = false;
      setStatus("Checked.", false);
    } catch (e) {
      setStatus("Could not reach the server: " + e.message, true);
    } finally {
      $("check").disabled = false;
    }
  });
})();
