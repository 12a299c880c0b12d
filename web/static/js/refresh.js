// refresh.js: a page showing a long job's progress marks itself with
// data-refresh-seconds; it reloads until the job is done, so progress shows
// without a socket and the page still works with the keyboard alone.
const el = document.querySelector("[data-refresh-seconds]");
if (el) {
  const s = Number(el.getAttribute("data-refresh-seconds")) || 1;
  setTimeout(() => window.location.reload(), s * 1000);
}
