package i18n

func init() { register(emendedMessages) }

// emendedMessages say, beside a delegate's name in the list of delegates,
// the other spellings of the name the record uses that the person's note
// does not give already (minutes: Delegate.Emended).
var emendedMessages = []Msg{
	{Key: "minutes.person.other_names",
		En: "also written %s",
		De: "auch geschrieben: %s",
		Ru: "также пишется: %s",
		Fr: "aussi écrit %s",
		Es: "también escrito %s"},
}
