package i18n

func init() { register(amendedMessages) }

// amendedMessages are the pages' words for a motion's text as amended so
// far by its carried amendments, shown before the vote on the motion
// (web/amended.go), and as carried after it.
var amendedMessages = []Msg{
	{Key: "web.am.as_amended_h", En: "The text as amended", De: "Der Wortlaut in der geänderten Fassung", Ru: "Текст с принятыми поправками", Fr: "Le texte tel qu'amendé", Es: "El texto enmendado"},
	{Key: "web.am.as_carried_h", En: "The text as carried", De: "Der Wortlaut in der angenommenen Fassung", Ru: "Текст в принятом виде", Fr: "Le texte tel qu'adopté", Es: "El texto tal como se aprobó"},
	{Key: "web.am.applied",
		En: "#1|one=With the carried amendment %[2]s applied|other=With the carried amendments %[2]s applied",
		De: "#1|one=Mit dem angenommenen Änderungsantrag %[2]s eingearbeitet|other=Mit den angenommenen Änderungsanträgen %[2]s eingearbeitet",
		Ru: "#1|one=С внесённой принятой поправкой %[2]s|few=С внесёнными принятыми поправками %[2]s|many=С внесёнными принятыми поправками %[2]s|other=С внесёнными принятыми поправками %[2]s",
		Fr: "#1|one=L'amendement adopté %[2]s intégré|other=Les amendements adoptés %[2]s intégrés",
		Es: "#1|one=Con la enmienda aprobada %[2]s incorporada|other=Con las enmiendas aprobadas %[2]s incorporadas"},
	{Key: "web.am.changes", En: "The text as moved, with the carried changes marked", De: "Der Wortlaut wie gestellt, mit den angenommenen Änderungen markiert", Ru: "Текст в первоначальном виде, с отмеченными принятыми изменениями", Fr: "Le texte tel que proposé, les modifications adoptées marquées", Es: "El texto tal como se propuso, con los cambios aprobados marcados"},
}
