// Package ballotmodule builds the browser build of package ballot into a
// folder, as plenum serve --ballot-module serves it: ballot.wasm (built
// with GOOS=js GOARCH=wasm and the given build tags), the wasm_exec.js of
// the same Go toolchain, and ballot/wasm/ballot.js. It runs the go
// command, so it is for tests and build scripts, not for the server.
package ballotmodule

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Build builds the module into dir.
func Build(dir string, tags ...string) error {
	env := append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	list := exec.Command("go", "list", "-f", "{{.Dir}}", "plenum/ballot/wasm")
	list.Env = env
	src, err := list.Output()
	if err != nil {
		return fmt.Errorf("go list plenum/ballot/wasm: %w", err)
	}
	args := []string{"build", "-o", filepath.Join(dir, "ballot.wasm")}
	if len(tags) > 0 {
		args = append(args, "-tags", strings.Join(tags, ","))
	}
	build := exec.Command("go", append(args, "plenum/ballot/wasm")...)
	build.Env = env
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building the ballot module: %v\n%s", err, out)
	}
	for dst, from := range map[string]string{
		"wasm_exec.js": filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"),
		"ballot.js":    filepath.Join(strings.TrimSpace(string(src)), "ballot.js"),
	} {
		b, err := os.ReadFile(from)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, dst), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
