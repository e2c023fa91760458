// The upload job page: poll the job's JSON twin and show its progress; reload once it is done,
// so the server renders the report. No inline script (the page's CSP allows /static/ only).
(function () {
  "use strict";
  const box = document.getElementById("upload-job");
  if (!box || box.dataset.status === "done" || box.dataset.status === "failed") return;
  const status = document.getElementById("job-status");
  const bar = document.getElementById("job-progress");
  const words = { queued: "Waiting in the queue…", reading: "Reading the files…" };

  function show(job) {
    if (job.status === "done" || job.status === "failed") {
      window.location.reload();
      return;
    }
    status.textContent = job.status === "extracting"
      ? "Extracting: " + job.done + " of " + job.total + " documents…"
      : (words[job.status] || job.status);
    bar.max = Math.max(job.total, 1);
    bar.value = job.done;
    window.setTimeout(poll, 1000);
  }

  function poll() {
    fetch(box.dataset.json, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(show)
      .catch(function () { window.setTimeout(poll, 3000); });
  }

  window.setTimeout(poll, 500);
}());
