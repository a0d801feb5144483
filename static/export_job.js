// The export job page: follow the job's progress, then start the download.
(function () {
  const status = document.getElementById("job-status");
  const bar = document.getElementById("job-progress");
  if (!status || status.dataset.running !== "true") return;
  function poll() {
    fetch(status.dataset.progressUrl, { credentials: "same-origin" })
      .then((response) => response.json())
      .then((job) => {
        bar.value = job.progress;
        if (job.download) {
          const link = document.createElement("a");
          link.href = job.download;
          link.textContent = status.dataset.downloadLabel;
          status.replaceChildren(link);
          window.location = job.download;
        } else if (job.status === "failed") {
          status.textContent = job.error || status.dataset.failedLabel;
        } else {
          setTimeout(poll, 1000);
        }
      });
  }
  poll();
})();
