package assembly

import (
	"time"
	"unicode/utf8"
)

// The projectors in the hall and beyond it (an overflow room, the press
// room) are screens, each with an id: the chair or a secretary says what
// each shows, puts a message on it, and starts a countdown (a break, the
// time left to hand in amendments). They are in the log like everything
// else, so a projector shows the same after a restart and on every node;
// they are not part of the minutes.

// What a screen shows.
const (
	// ShowBusiness: the business in hand (the vote, the election, who
	// has the floor and the speakers' list, the last result of the
	// item), with the message and the countdown.
	ShowBusiness = "business"
	// ShowAgenda: the order of the day and its timing.
	ShowAgenda = "agenda"
	// ShowMessage: only the message and the countdown, in large type.
	ShowMessage = "message"
)

// DefaultScreen is the id of the hall's projector.
const DefaultScreen = "hall"

// Bounds of a screen's texts and countdown.
const (
	maxScreenMessage   = 500
	maxScreenName      = 80
	maxCountdownLabel  = 120
	maxCountdownSecond = 24 * 60 * 60
)

// Screen is one projector.
type Screen struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Show    string `json:"show"`
	Message string `json:"message"`
	// The countdown: its label, when it started and when it ends (zero:
	// no countdown).
	CountdownLabel string    `json:"countdown_label"`
	CountdownFrom  time.Time `json:"countdown_from"`
	CountdownEnds  time.Time `json:"countdown_ends"`
}

// SetScreen says what a screen shows and the message on it (empty: none).
type SetScreen struct {
	Screen  string `json:"screen" plenum:"required,id"`
	Name    string `json:"name"`
	Show    string `json:"show" plenum:"required,enum=business|agenda|message"`
	Message string `json:"message"`
}

// SetCountdown starts a countdown of Seconds on a screen, from the
// command's time, or stops it (0).
type SetCountdown struct {
	Screen  string `json:"screen" plenum:"required,id"`
	Label   string `json:"label"`
	Seconds int    `json:"seconds" plenum:"positive"`
}

func (SetScreen) CommandName() string    { return "set_screen" }
func (SetCountdown) CommandName() string { return "set_countdown" }

// ScreenSet: what a screen shows was set.
type ScreenSet struct {
	Meta    `json:"meta"`
	Screen  string `json:"screen"`
	Name    string `json:"name"`
	Show    string `json:"show"`
	Message string `json:"message"`
}

// CountdownSet: a countdown was started on a screen (Seconds 0: stopped).
type CountdownSet struct {
	Meta    `json:"meta"`
	Screen  string `json:"screen"`
	Label   string `json:"label"`
	Seconds int    `json:"seconds"`
}

func (ScreenSet) EventType() string    { return "screen_set" }
func (CountdownSet) EventType() string { return "countdown_set" }

func (s *State) mayProject(actor string) bool { return s.isChair(actor) || s.isSecretary(actor) }

func (c SetScreen) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayProject(m.Actor) {
		return nil, forbidden("only the chair or a secretary says what the screens show")
	}
	switch {
	case utf8.RuneCountInString(c.Message) > maxScreenMessage:
		return nil, fieldErr("message", "the message is longer than %d characters; a screen is read from the back of the hall", maxScreenMessage)
	case utf8.RuneCountInString(c.Name) > maxScreenName:
		return nil, fieldErr("name", "the screen's name is longer than %d characters", maxScreenName)
	case c.Show == ShowMessage && c.Message == "":
		return nil, fieldErr("message", "a screen that shows only the message needs a message")
	}
	return one(ScreenSet{Meta: m, Screen: c.Screen, Name: c.Name, Show: c.Show, Message: c.Message})
}

func (e ScreenSet) apply(s *State) error {
	if e.Screen == "" {
		return corrupt("a screen needs an id")
	}
	sc := s.screen(e.Screen)
	if e.Name != "" {
		sc.Name = e.Name
	}
	sc.Show, sc.Message = e.Show, e.Message
	return nil
}

func (c SetCountdown) decide(s *State, m Meta) ([]Event, error) {
	if !s.mayProject(m.Actor) {
		return nil, forbidden("only the chair or a secretary starts a countdown on the screens")
	}
	switch {
	case c.Seconds > maxCountdownSecond:
		return nil, fieldErr("seconds", "a countdown runs at most a day (%d seconds), not %d", maxCountdownSecond, c.Seconds)
	case utf8.RuneCountInString(c.Label) > maxCountdownLabel:
		return nil, fieldErr("label", "the countdown's label is longer than %d characters", maxCountdownLabel)
	case c.Seconds == 0 && (s.Screens[c.Screen] == nil || s.Screens[c.Screen].CountdownEnds.IsZero()):
		return nil, conflict("no countdown runs on this screen; give the seconds to start one")
	}
	return one(CountdownSet{Meta: m, Screen: c.Screen, Label: c.Label, Seconds: c.Seconds})
}

func (e CountdownSet) apply(s *State) error {
	if e.Screen == "" || e.Seconds < 0 {
		return corrupt("the countdown cannot be set")
	}
	sc := s.screen(e.Screen)
	if e.Seconds == 0 {
		sc.CountdownLabel, sc.CountdownFrom, sc.CountdownEnds = "", time.Time{}, time.Time{}
		return nil
	}
	sc.CountdownLabel, sc.CountdownFrom, sc.CountdownEnds = e.Label, e.At, e.At.Add(time.Duration(e.Seconds)*time.Second)
	return nil
}

// screen returns the screen id, made (showing the business in hand) if new.
func (s *State) screen(id string) *Screen {
	sc := s.Screens[id]
	if sc == nil {
		sc = &Screen{ID: id, Show: ShowBusiness}
		s.Screens[id] = sc
		s.ScreenOrder = append(s.ScreenOrder, id)
	}
	return sc
}

// ScreenOf is the screen id as it stands, or, for a screen nobody set yet,
// a screen showing the business in hand.
func (s *State) ScreenOf(id string) Screen {
	if sc := s.Screens[id]; sc != nil {
		return *sc
	}
	return Screen{ID: id, Show: ShowBusiness}
}

func init() {
	registerCommands(SetScreen{}, SetCountdown{})
	registerEvents(ScreenSet{}, CountdownSet{})
}
