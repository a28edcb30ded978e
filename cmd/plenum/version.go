package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise
// the module version or VCS revision recorded by the Go toolchain is used.
var version = ""

func init() {
	register(&subcommand{
		name:    "version",
		summary: "print the version of this binary",
		usage: `
NAME
    plenum version — print the version of this binary

SYNOPSIS
    plenum version

DESCRIPTION
    Prints the plenum version, the Go version it was built with and the
    platform. The version comes from the build (-ldflags "-X main.version=…"),
    else from the module information the Go toolchain records.
`,
		run: func(ctx context.Context, env *cliEnv, args []string) error {
			fs := newFlagSet(subcommands["version"], env)
			if err := fs.Parse(args); err != nil {
				return usageErr(err)
			}
			if fs.NArg() != 0 {
				return &exitError{code: 2, msg: env.locale().T("cli.no_args", "version")}
			}
			fmt.Fprintf(env.stdout, "plenum %s (%s, %s/%s)\n", buildVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	})
}

func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "devel-" + s.Value[:12]
		}
	}
	return "devel"
}
