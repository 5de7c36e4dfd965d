// Simulates a browser where WebAssembly is unavailable.
delete window.WebAssembly;
