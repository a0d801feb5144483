// Progressive enhancement for the review queue: j/k move between rows, x toggles a row.
document.addEventListener("keydown", (event) => {
  const target = event.target;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (target.matches("input[type=search], input[type=text], select, textarea")) return;
  const rows = Array.from(document.querySelectorAll("tr[data-row]"));
  if (!rows.length || !["j", "k", "x"].includes(event.key)) return;
  let index = rows.findIndex((row) => row.classList.contains("current"));
  if (event.key === "x" && index >= 0) {
    const box = rows[index].querySelector("input[type=checkbox]");
    box.checked = !box.checked;
    return;
  }
  if (event.key === "j") index = Math.min(rows.length - 1, index + 1);
  if (event.key === "k") index = Math.max(0, index - 1);
  rows.forEach((row) => row.classList.remove("current"));
  rows[index].classList.add("current");
  rows[index].querySelector("input[type=checkbox]").focus();
});
