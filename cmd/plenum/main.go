// Command plenum runs a delegate assembly under written rules of procedure
// and keeps its minutes as a signed, tamper-evident Merkle log.
//
// Each subcommand lives in a file of its own (serve.go, verify.go, tally.go,
// …) and registers itself in init with register; main only dispatches.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"

	"plenum/i18n"
)

// subcommand is one verb of the plenum command line.
type subcommand struct {
	name    string
	summary string // one line for the overview
	usage   string // the man-page text printed by "plenum NAME --help"
	run     func(ctx context.Context, env *cliEnv, args []string) error
}

// cliEnv carries the process's streams so commands can be tested in-process.
type cliEnv struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	// lang is the language of the messages meant for officers (what
	// plenum verify found, what plenum demo set up, the command line's
	// own refusals), from the environment (messageLang); "" is English.
	// The manuals (usage texts) are English.
	lang string
}

// locale is the language of the messages meant for officers.
func (env *cliEnv) locale() *i18n.Locale { return i18n.For(env.lang) }

// messageLang is the language the environment asks messages in, as POSIX
// orders it: LC_ALL, then LC_MESSAGES, then LANG ("ru_RU.UTF-8" is ru);
// "C", "POSIX" or a language plenum does not speak is English ("").
func messageLang(getenv func(string) string) string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		val := getenv(v)
		if val == "" {
			continue
		}
		tag, _, _ := strings.Cut(val, ".")
		tag, _, _ = strings.Cut(tag, "@")
		if tag == "C" || tag == "POSIX" {
			return ""
		}
		return i18n.Match(strings.ReplaceAll(tag, "_", "-"))
	}
	return ""
}

// exitError asks main to exit with code without printing a usage message;
// the command has already told the user what went wrong when msg is empty.
type exitError struct {
	code  int
	msg   string
	cause error // what msg says in the operator's words, for errors.As
}

func (e *exitError) Error() string { return e.msg }

func (e *exitError) Unwrap() error { return e.cause }

var subcommands = map[string]*subcommand{}

// register adds a subcommand; it is called from init in each command's file.
func register(c *subcommand) {
	if _, dup := subcommands[c.name]; dup {
		panic("plenum: subcommand registered twice: " + c.name)
	}
	subcommands[c.name] = c
}

// newFlagSet returns a flag set for a command. Its errors go to standard
// error with a pointer to the manual; -h and --help never reach it (runCLI
// prints the manual to standard output).
func newFlagSet(c *subcommand, env *cliEnv) *flag.FlagSet {
	fs := flag.NewFlagSet("plenum "+c.name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, env.locale().T("cli.main.manual", c.name))
	}
	return fs
}

// wantsHelp reports whether a command's arguments ask for its manual.
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

const overview = `plenum — run a delegate assembly and keep its minutes as a tamper-evident record

Usage:
  plenum COMMAND [options]

Commands:
%s
Run "plenum COMMAND --help" for the manual of one command.
`

func printOverview(w io.Writer) {
	names := make([]string, 0, len(subcommands))
	for n := range subcommands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "  %-9s %s\n", n, subcommands[n].summary)
	}
	fmt.Fprintf(w, overview, b.String())
}

// runCLI runs one invocation and returns the process exit code.
func runCLI(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 {
		printOverview(env.stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 {
			if c, ok := subcommands[args[1]]; ok {
				fmt.Fprint(env.stdout, strings.TrimLeft(c.usage, "\n"))
				return 0
			}
		}
		printOverview(env.stdout)
		return 0
	}
	c, ok := subcommands[args[0]]
	if !ok {
		fmt.Fprintf(env.stderr, "plenum: %s\n\n", env.locale().T("cli.main.unknown", args[0]))
		printOverview(env.stderr)
		return 2
	}
	if wantsHelp(args[1:]) {
		fmt.Fprint(env.stdout, strings.TrimLeft(c.usage, "\n"))
		return 0
	}
	err := c.run(ctx, env, args[1:])
	var ee *exitError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ee):
		if ee.msg != "" {
			fmt.Fprintf(env.stderr, "plenum %s: %s\n", c.name, ee.msg)
		}
		return ee.code
	default:
		fmt.Fprintf(env.stderr, "plenum %s: %v\n", c.name, err)
		return 1
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := &cliEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, lang: messageLang(os.Getenv)}
	os.Exit(runCLI(ctx, env, os.Args[1:]))
}

// officerLocale is the language of the messages meant for an officer:
// --lang when given (flagLang, which must be a language plenum speaks),
// else the environment's (messageLang), else the assembly's (assemblyLang;
// "" when there is none), else English.
func officerLocale(env *cliEnv, flagLang, assemblyLang string) (*i18n.Locale, error) {
	switch {
	case flagLang != "":
		if !i18n.Supported(flagLang) {
			return nil, &exitError{code: 2, msg: env.locale().T("cli.main.lang", flagLang, languageTags())}
		}
		return i18n.For(flagLang), nil
	case env.lang != "":
		return env.locale(), nil
	}
	return i18n.For(assemblyLang), nil
}
