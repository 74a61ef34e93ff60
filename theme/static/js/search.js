// The search box: Pagefind's UI over the index Pagefind wrote next to the site.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || typeof window.PagefindUI !== "function") {
    return;
  }
  var root = new URL(box.dataset.root, window.location.href);
  new window.PagefindUI({
    element: "#search",
    bundlePath: new URL("pagefind/", root).href,
    baseUrl: root.pathname,
    showSubResults: false,
    showImages: false,
    translations: { placeholder: "Search the digest" }
  });
})();
