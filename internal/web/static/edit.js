// edit.js gives the story page its editing controls: split the sources
// ticked off into a new story, merge the story with another. They call the
// JSON API (docs/json.md) and show its error messages. The page reads the
// same without this script; the controls, which need it, stay hidden.
"use strict";
(() => {
  const panel = document.getElementById("edit");
  if (!panel) return;
  const story = panel.dataset.story;
  const picks = document.querySelectorAll("#sources input.pick");
  const split = document.getElementById("split");
  const merge = document.getElementById("merge");
  const tokenKey = "corroborate-token";
  panel.hidden = false;

  // The token, when the server wants one, is kept for this tab only and
  // sent as a header, never in a URL.
  const tokenForm = document.getElementById("token");
  const tokenSet = document.getElementById("token-set");
  const showToken = () => {
    if (!tokenForm) return;
    const have = sessionStorage.getItem(tokenKey) !== null;
    tokenForm.hidden = have;
    tokenSet.hidden = !have;
  };
  if (tokenForm) {
    tokenForm.addEventListener("submit", (e) => {
      e.preventDefault();
      const input = tokenForm.querySelector("input");
      sessionStorage.setItem(tokenKey, input.value.trim());
      input.value = "";
      showToken();
    });
    tokenSet.querySelector("button").addEventListener("click", () => {
      sessionStorage.removeItem(tokenKey);
      showToken();
    });
    showToken();
  }

  // request calls the API and returns its JSON answer, or throws an
  // error carrying the API's message.
  const request = async (method, path, body) => {
    const headers = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const token = sessionStorage.getItem(tokenKey);
    if (token) headers.Authorization = "Bearer " + token;
    let resp;
    try {
      resp = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new Error("the server could not be reached");
    }
    const answer = await resp.json().catch(() => ({}));
    if (!resp.ok) {
      if (resp.status === 401 && tokenForm) {
        sessionStorage.removeItem(tokenKey);
        showToken();
      }
      throw new Error(answer.error || `${resp.status} ${resp.statusText}`);
    }
    return answer;
  };
  const api = "/api/v1/stories/" + encodeURIComponent(story);
  const page = (id) => "/stories/" + encodeURIComponent(id);

  // edit runs one edit from form, with every button off meanwhile, and
  // shows its error in the form, leaving the editor's choices as they were.
  const edit = async (form, run) => {
    const error = form.querySelector(".error");
    const buttons = panel.querySelectorAll("button");
    error.hidden = true;
    buttons.forEach((b) => (b.disabled = true));
    try {
      location.assign(await run());
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
      buttons.forEach((b) => (b.disabled = false));
    }
  };

  const showPicks = () => picks.forEach((p) => (p.hidden = !panel.open));
  panel.addEventListener("toggle", showPicks);
  showPicks();
  split.addEventListener("submit", (e) => {
    e.preventDefault();
    const articles = [...picks].filter((p) => p.checked).map((p) => p.value);
    edit(split, async () => page((await request("POST", api + "/split", { articles })).new_story));
  });

  // storyIn reads a story ID from what an editor pasted: the ID, or a
  // story's page or API URL; "" when it names none, as a URL whose
  // escapes do not decode.
  const storyIn = (text) => {
    text = text.trim();
    if (!text.includes("/")) return text;
    let path = text;
    try {
      path = new URL(text, location.href).pathname;
    } catch {}
    const m = path.match(/\/stories\/([^/]+)\/?$/);
    try {
      return m ? decodeURIComponent(m[1]) : "";
    } catch {
      return "";
    }
  };
  const mergeWith = (other) =>
    edit(merge, async () => {
      if (!other) throw new Error("name the story to merge with by its ID or page URL");
      return page((await request("POST", api + "/merge", { story: other })).story);
    });
  merge.addEventListener("submit", (e) => {
    e.preventDefault();
    mergeWith(storyIn(document.getElementById("merge-with").value));
  });

  // The closest stories are looked up once, when the panel first opens.
  const nearest = merge.querySelector(".nearest");
  const status = merge.querySelector(".nearest-status");
  const listNearest = async () => {
    status.textContent = "Looking…";
    let answer;
    try {
      answer = await request("GET", api + "/nearest");
    } catch (err) {
      status.textContent = "The closest stories could not be listed: " + err.message;
      return;
    }
    status.textContent = answer.nearest.length ? "" : "No open story shares this one's main terms.";
    for (const near of answer.nearest) {
      const li = document.createElement("li");
      const link = document.createElement("a");
      link.href = page(near.id);
      link.textContent = near.headline || "Untitled story";
      const meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = ` · ${near.articles} article${near.articles === 1 ? "" : "s"} · similarity ${near.similarity.toFixed(2)} `;
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = "Merge";
      button.dataset.story = near.id;
      button.addEventListener("click", () => mergeWith(near.id));
      li.append(link, meta, button);
      nearest.append(li);
    }
  };
  let listed = false;
  panel.addEventListener("toggle", () => {
    if (panel.open && !listed) {
      listed = true;
      listNearest();
    }
  });
})();
