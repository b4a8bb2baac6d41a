// Folds the site menu on phones, so that the header takes little of the screen; without this
// script the menu simply stays open. Nothing else of Jobtausch needs a script.
(function () {
  var menu = document.querySelector('details.site-menu');
  var narrow = window.matchMedia('(max-width: 40rem)');
  function fit() {
    if (menu) menu.open = !narrow.matches;
  }
  fit();
  narrow.addEventListener('change', fit);
})();
