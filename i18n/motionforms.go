package i18n

func init() { register(motionFormsMessages) }

// motionFormsMessages are the words of the motions' forms (package web,
// web/motionforms.go): seconding a motion, with what each form's page says
// once it is done.
var motionFormsMessages = []Msg{
	// Seconding a motion (second_motion).
	{Key: "web.mf.second_h", En: "Second", De: "Unterstützung des Antrags", Ru: "Поддержка предложения", Fr: "Appui de la motion", Es: "Apoyo a la moción"},
	{Key: "web.mf.needs_second", En: "The rules require a second before this motion is put to the vote; nobody has seconded it yet.", De: "Die Geschäftsordnung verlangt eine Unterstützung, bevor über diesen Antrag abgestimmt wird; noch hat ihn niemand unterstützt.", Ru: "По регламенту предложение ставится на голосование только после поддержки; его ещё никто не поддержал.", Fr: "Le règlement exige un appui avant la mise aux voix de cette motion ; personne ne l'a encore appuyée.", Es: "El reglamento exige un apoyo antes de someter esta moción a votación; nadie la ha apoyado todavía."},
	{Key: "web.mf.i_second", En: "I second this motion", De: "Ich unterstütze diesen Antrag", Ru: "Я поддерживаю это предложение", Fr: "J'appuie cette motion", Es: "Apoyo esta moción"},
	{Key: "web.mf.seconded_by", En: "Seconded by", De: "Unterstützt von", Ru: "Поддержал(а)", Fr: "Appuyée par", Es: "Apoyada por"},
	{Key: "web.mf.record_second", En: "Record the second", De: "Unterstützung festhalten", Ru: "Записать поддержку", Fr: "Consigner l'appui", Es: "Registrar el apoyo"},

	// What each form's page says once it is done (web.done.<cmd>).
	{Key: "web.done.second_motion", En: "The second was recorded", De: "Die Unterstützung wurde festgehalten", Ru: "Поддержка записана", Fr: "L'appui a été consigné", Es: "Se registró el apoyo"},
}
