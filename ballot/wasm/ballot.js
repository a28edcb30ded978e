// plenum-ballot: the browser side of plenum's secret ballots. Loads the
// WebAssembly build of plenum/ballot (ballot.wasm, which needs the Go
// runtime's wasm_exec.js loaded first) and exposes it as promises of plain
// values. Every function takes and returns the canonical JSON text of the
// ballot package's messages; a refusal throws an Error whose .code is the
// package's error code (invalid-choice, invalid-proof, malformed...).
//
//   const ballot = await PlenumBallot.load("/static/ballot.wasm");
//   const {secret, key} = ballot.generateTrustee(params, 1); // secret: offer as a download, never send
//   const {ballot: b, tracker} = ballot.encryptBallot(electionKey, question, voter, [0, 1, 0]);
//   const partial = ballot.partialDecrypt(secret, keys, dealings, electionKey, totals);
(function () {
  "use strict";
  let loading = null;

  function call(name, args) {
    const r = globalThis.plenumBallot[name](...args.map((a) =>
      typeof a === "string" ? a : JSON.stringify(a)));
    if (r.error !== undefined) {
      const e = new Error(r.message);
      e.code = r.error;
      throw e;
    }
    return r.ok;
  }

  function api() {
    const out = {};
    for (const name of Object.keys(globalThis.plenumBallot)) {
      out[name] = (...args) => call(name, args);
    }
    return out;
  }

  // load fetches and starts the module once; later calls share it.
  function load(url) {
    if (!loading) {
      loading = (async () => {
        const go = new Go();
        const resp = await fetch(url);
        if (!resp.ok) throw new Error("plenum-ballot: " + url + ": " + resp.status);
        const { instance } = await WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject);
        go.run(instance); // returns when the module exits, which it never does
        return api();
      })();
    }
    return loading;
  }

  globalThis.PlenumBallot = { load };
})();
