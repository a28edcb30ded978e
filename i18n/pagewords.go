package i18n

func init() { register(pageWordsMessages) }

// pageWordsMessages are words of the pages said better than before: a
// delegate's own mandate from an organization, said as a sentence in
// each language (Russian "Ваш мандат от организации …", not "от: …").
var pageWordsMessages = []Msg{
	{Key: "web.d.your_mandate_org", En: "Your mandate for %s (%s) is %s", De: "Ihr Mandat für %s (%s) ist %s", Ru: "Ваш мандат от организации %s (%s) %s", Fr: "Votre mandat pour %s (%s) est %s", Es: "Su credencial por %s (%s) está %s"},
}
