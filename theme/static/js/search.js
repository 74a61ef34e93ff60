// The search box: Pagefind's UI over the index Pagefind wrote next to the site.
// A large site's index comes in shards; pagefind/bundles.json lists them and
// the box searches them all at once.
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || typeof window.PagefindUI !== "function") {
    return;
  }
  var root = new URL(box.dataset.root, window.location.href);
  var main = new URL("pagefind/", root).href;

  function start(bundles) {
    new window.PagefindUI({
      element: "#search",
      bundlePath: main,
      mergeIndex: bundles.slice(1).map(function (bundle) {
        return { bundlePath: new URL(bundle, root).href };
      }),
      baseUrl: root.pathname,
      showSubResults: false,
      showImages: false,
      translations: { placeholder: "Search the digest" }
    });
  }

  fetch(new URL("bundles.json", main))
    .then(function (response) { return response.ok ? response.json() : ["pagefind/"]; })
    .catch(function () { return ["pagefind/"]; })
    .then(start);
})();
