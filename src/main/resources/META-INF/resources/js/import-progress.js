// Follows an import batch without reloading the page: while it is not finished, fetch the page again every two
// seconds and put its batch section in place of this one. Without JavaScript, the page's refresh link does it.
(function () {
    'use strict';
    function follow() {
        var section = document.getElementById('batch');
        if (!section || section.getAttribute('data-finished') === 'true') {
            return;
        }
        window.setTimeout(function () {
            fetch(window.location.href, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
                .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
                .then(function (html) {
                    var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('batch');
                    if (fresh) {
                        section.replaceWith(fresh);
                    }
                    follow();
                })
                .catch(function () { /* the refresh link still works */ });
        }, 2000);
    }
    follow();
}());
