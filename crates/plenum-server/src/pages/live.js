// Live updates of a meeting page: attendance, quorum and turnout, from the server's
// events. The page works without this script; it only spares a reload.
(function () {
  var quorum = document.getElementById("quorum");
  if (!quorum || !window.EventSource) { return; }
  var source = new EventSource(quorum.getAttribute("data-live"));
  source.addEventListener("pulse", function (event) {
    var pulse = JSON.parse(event.data);
    var present = document.getElementById("present");
    if (present) { present.textContent = String(pulse.present); }
    var state = document.getElementById("quorum-state");
    if (state && pulse.quorum_met !== null) { state.textContent = pulse.quorum_met ? "met" : "not met"; }
    pulse.polls.forEach(function (poll) {
      var turnout = document.getElementById("turnout-" + poll[0]);
      if (turnout) { turnout.textContent = String(poll[2]); }
    });
  });
})();
