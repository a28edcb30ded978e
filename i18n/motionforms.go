package i18n

func init() { register(motionFormsMessages) }

// motionFormsMessages are the words of the motions' forms (package web,
// web/motionforms.go): seconding a motion, withdrawing it, taking back a
// support, and setting up written motions (the deadline, the motions
// committee, categories and blocks), with what each form's page says once
// it is done.
var motionFormsMessages = []Msg{
	// Seconding a motion (second_motion).
	{Key: "web.mf.second_h", En: "Second", De: "Unterstützung des Antrags", Ru: "Поддержка предложения", Fr: "Appui de la motion", Es: "Apoyo a la moción"},
	{Key: "web.mf.needs_second", En: "The rules require a second before this motion is put to the vote; nobody has seconded it yet.", De: "Die Geschäftsordnung verlangt eine Unterstützung, bevor über diesen Antrag abgestimmt wird; noch hat ihn niemand unterstützt.", Ru: "По регламенту предложение ставится на голосование только после поддержки; его ещё никто не поддержал.", Fr: "Le règlement exige un appui avant la mise aux voix de cette motion ; personne ne l'a encore appuyée.", Es: "El reglamento exige un apoyo antes de someter esta moción a votación; nadie la ha apoyado todavía."},
	{Key: "web.mf.i_second", En: "I second this motion", De: "Ich unterstütze diesen Antrag", Ru: "Я поддерживаю это предложение", Fr: "J'appuie cette motion", Es: "Apoyo esta moción"},
	{Key: "web.mf.seconded_by", En: "Seconded by", De: "Unterstützt von", Ru: "Поддержал(а)", Fr: "Appuyée par", Es: "Apoyada por"},
	{Key: "web.mf.record_second", En: "Record the second", De: "Unterstützung festhalten", Ru: "Записать поддержку", Fr: "Consigner l'appui", Es: "Registrar el apoyo"},
	// Taking back a support (withdraw_support).
	{Key: "web.mf.take_back", En: "Take back my support", De: "Meine Unterstützung zurücknehmen", Ru: "Отозвать мою поддержку", Fr: "Retirer mon appui", Es: "Retirar mi apoyo"},
	{Key: "web.mf.take_back_for", En: "Take back the support of %s", De: "Unterstützung von %s zurücknehmen", Ru: "Отозвать поддержку от имени: %s", Fr: "Retirer l'appui au nom de %s", Es: "Retirar el apoyo en nombre de %s"},
	// Withdrawing a motion (withdraw_motion).
	{Key: "web.mf.withdraw_h", En: "Withdraw", De: "Zurückziehen", Ru: "Отзыв", Fr: "Retrait", Es: "Retirada"},
	{Key: "web.mf.withdraw", En: "Withdraw the motion", De: "Antrag zurückziehen", Ru: "Отозвать предложение", Fr: "Retirer la motion", Es: "Retirar la moción"},
	{Key: "web.mf.withdraw_of", En: "Withdraw %s", De: "%s zurückziehen", Ru: "Отозвать: %s", Fr: "Retirer %s", Es: "Retirar %s"},
	// Setting up written motions.
	{Key: "web.mf.setup_h", En: "Setting up the motions", De: "Anträge einrichten", Ru: "Подготовка предложений", Fr: "Organisation des motions", Es: "Preparación de las mociones"},
	{Key: "web.mf.setup_what", En: "Deadline, motions committee, categories and blocks", De: "Antragsschluss, Antragskommission, Sachgebiete und Blöcke", Ru: "Срок подачи, комиссия по предложениям, разделы и блоки", Fr: "Date limite, commission des motions, catégories et blocs", Es: "Plazo, comisión de mociones, categorías y bloques"},
	{Key: "web.mf.deadline", En: "Motions are submitted until", De: "Anträge können eingereicht werden bis", Ru: "Предложения принимаются до", Fr: "Les motions sont déposées jusqu'au", Es: "Las mociones se presentan hasta"},
	{Key: "web.mf.set_deadline", En: "Set the deadline", De: "Antragsschluss festsetzen", Ru: "Установить срок", Fr: "Fixer la date limite", Es: "Fijar el plazo"},
	{Key: "web.mf.move_deadline", En: "Move the deadline", De: "Antragsschluss verschieben", Ru: "Перенести срок", Fr: "Déplacer la date limite", Es: "Cambiar el plazo"},
	{Key: "web.mf.committee", En: "Motions committee", De: "Antragskommission", Ru: "Комиссия по предложениям", Fr: "Commission des motions", Es: "Comisión de mociones"},
	{Key: "web.mf.appoint", En: "Appoint as the motions committee", De: "Als Antragskommission einsetzen", Ru: "Назначить комиссией по предложениям", Fr: "Désigner comme commission des motions", Es: "Designar como comisión de mociones"},
	{Key: "web.mf.committee_is", En: "The motions committee is %s.", De: "Antragskommission ist %s.", Ru: "Комиссия по предложениям: %s.", Fr: "La commission des motions est %s.", Es: "La comisión de mociones es %s."},
	{Key: "web.mf.no_body", En: "A motions committee is a body of the assembly; none is formed yet.", De: "Die Antragskommission ist ein Gremium der Versammlung; noch ist keines gebildet.", Ru: "Комиссия по предложениям — это орган собрания; ни один ещё не образован.", Fr: "La commission des motions est un organe de l'assemblée ; aucun n'est encore formé.", Es: "La comisión de mociones es un órgano de la asamblea; todavía no se ha formado ninguno."},
	{Key: "web.mf.form_body", En: "Form one", De: "Gremium bilden", Ru: "Образовать орган", Fr: "En former un", Es: "Formar uno"},
	{Key: "web.mf.categories_h", En: "Categories", De: "Sachgebiete", Ru: "Разделы", Fr: "Catégories", Es: "Categorías"},
	{Key: "web.mf.numbered", En: "numbers its motions %s1, %s2, …", De: "nummeriert seine Anträge %s1, %s2, …", Ru: "нумерует предложения %s1, %s2, …", Fr: "numérote ses motions %s1, %s2, …", Es: "numera sus mociones %s1, %s2, …"},
	{Key: "web.mf.category_name", En: "Name of the category", De: "Name des Sachgebiets", Ru: "Название раздела", Fr: "Nom de la catégorie", Es: "Nombre de la categoría"},
	{Key: "web.mf.prefix", En: "Prefix of its numbers", De: "Kürzel der Nummern", Ru: "Префикс номеров", Fr: "Préfixe des numéros", Es: "Prefijo de los números"},
	{Key: "web.mf.prefix_hint", En: "Optional, at most 8 characters without spaces: W numbers the motions W1, W2, …", De: "Freiwillig, höchstens 8 Zeichen ohne Leerzeichen: W nummeriert die Anträge W1, W2, …", Ru: "Необязательно, не более 8 знаков без пробелов: с W предложения нумеруются W1, W2, …", Fr: "Facultatif, 8 caractères au plus, sans espace : W numérote les motions W1, W2, …", Es: "Opcional, 8 caracteres como máximo y sin espacios: W numera las mociones W1, W2, …"},
	{Key: "web.mf.add_category", En: "Add the category", De: "Sachgebiet hinzufügen", Ru: "Добавить раздел", Fr: "Ajouter la catégorie", Es: "Añadir la categoría"},
	{Key: "web.mf.blocks_h", En: "Blocks debated together", De: "Gemeinsam beratene Blöcke", Ru: "Блоки для совместного обсуждения", Fr: "Blocs débattus ensemble", Es: "Bloques debatidos juntos"},
	{Key: "web.mf.block_title", En: "Title of the block", De: "Titel des Blocks", Ru: "Название блока", Fr: "Titre du bloc", Es: "Título del bloque"},
	{Key: "web.mf.add_block", En: "Add the block", De: "Block hinzufügen", Ru: "Добавить блок", Fr: "Ajouter le bloc", Es: "Añadir el bloque"},

	// What each form's page says once it is done (web.done.<cmd>).
	{Key: "web.done.second_motion", En: "The second was recorded", De: "Die Unterstützung wurde festgehalten", Ru: "Поддержка записана", Fr: "L'appui a été consigné", Es: "Se registró el apoyo"},
	{Key: "web.done.withdraw_motion", En: "The motion was withdrawn", De: "Der Antrag wurde zurückgezogen", Ru: "Предложение отозвано", Fr: "La motion a été retirée", Es: "Se retiró la moción"},
	{Key: "web.done.withdraw_support", En: "The support was taken back", De: "Die Unterstützung wurde zurückgenommen", Ru: "Поддержка отозвана", Fr: "L'appui a été retiré", Es: "Se retiró el apoyo"},
	{Key: "web.done.set_submission_deadline", En: "The deadline for motions was set", De: "Der Antragsschluss wurde festgesetzt", Ru: "Срок подачи предложений установлен", Fr: "La date limite des motions a été fixée", Es: "Se fijó el plazo de las mociones"},
	{Key: "web.done.appoint_motions_committee", En: "The motions committee was appointed", De: "Die Antragskommission wurde eingesetzt", Ru: "Комиссия по предложениям назначена", Fr: "La commission des motions a été désignée", Es: "Se designó la comisión de mociones"},
	{Key: "web.done.add_motion_category", En: "The category was added", De: "Das Sachgebiet wurde hinzugefügt", Ru: "Раздел добавлен", Fr: "La catégorie a été ajoutée", Es: "Se añadió la categoría"},
	{Key: "web.done.add_motion_block", En: "The block was added", De: "Der Block wurde hinzugefügt", Ru: "Блок добавлен", Fr: "Le bloc a été ajouté", Es: "Se añadió el bloque"},
}
