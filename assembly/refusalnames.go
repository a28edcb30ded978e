package assembly

// CommandName is a command's name standing in a refusal: the command
// refused (the refusals of its arguments begin with it: "submit_motion:
// the field "title" is required") or another command the refusal sends
// the reader to ("one officer revokes the code (revoke_access_codes, …)").
// It reads as the name (fmt's %s and %q): the API's clients write
// commands by their names and need them. Being data and not a word of the
// sentence, it lets a page name the action in its own words instead, as
// its form's button does (package web), without reading the sentence.
type CommandName string

// String is the command's name, as scripts and the API spell it.
func (c CommandName) String() string { return string(c) }

// FieldName is an argument's name standing in a refusal: the field Name
// (its name in JSON) of the command Cmd. It reads as the name (fmt's %s
// and %q), which is what an API client sends, and Error.Field holds the
// same name; a page names the field by its label on the form instead
// (package web).
type FieldName struct{ Cmd, Name string }

// String is the field's name in JSON.
func (f FieldName) String() string { return f.Name }

// CommandRef is another command standing in a refusal: the one the reader
// is sent to instead ("correct the minutes instead (correct_record)"). It
// reads as the name, as CommandName does; a page names the action its
// form does, quoted as a button's words are in a sentence.
type CommandRef string

// String is the command's name, as scripts and the API spell it.
func (c CommandRef) String() string { return string(c) }
