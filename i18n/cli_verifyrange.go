package i18n

func init() { register(cliVerifyRangeMessages) }

// cliVerifyRangeMessages are plenum verify --db's verdict on entries a
// signed checkpoint no longer vouches for: the entries were changed after
// it was signed, which comes before anything the replay finds in them.
var cliVerifyRangeMessages = []Msg{
	{Key: "cli.verify.changed_range", En: "an entry among %s–%s was changed after the checkpoint of tree size %s was signed: the entries no longer hash to its root, so it vouches for none of them (%s)",
		De: "ein Eintrag unter %s–%s wurde geändert, nachdem der Prüfpunkt der Baumgröße %s signiert wurde: die Einträge ergeben seinen Wurzelhash nicht mehr, er bürgt also für keinen von ihnen (%s)",
		Ru: "одна из записей %s–%s изменена после подписания контрольной точки размера дерева %s: записи больше не дают её корневой хеш, и она не ручается ни за одну из них (%s)",
		Fr: "une entrée parmi %s–%s a été modifiée après la signature du point de contrôle de taille d'arbre %s : les entrées ne donnent plus son hachage racine, il ne garantit donc aucune d'elles (%s)",
		Es: "una entrada entre %s–%s se modificó después de firmarse el punto de control de tamaño de árbol %s: las entradas ya no dan su hash raíz, así que no avala ninguna de ellas (%s)"},
	{Key: "cli.verify.failed_range", En: "FAILED: %s\n  changed: an entry among %s–%s\n  reason: %s\n",
		De: "FAILED: %s\n  geändert: ein Eintrag unter %s–%s\n  Grund: %s\n",
		Ru: "FAILED: %s\n  изменена: одна из записей %s–%s\n  причина: %s\n",
		Fr: "FAILED: %s\n  modifiée : une entrée parmi %s–%s\n  raison : %s\n",
		Es: "FAILED: %s\n  modificada: una entrada entre %s–%s\n  motivo: %s\n"},
	{Key: "cli.verify.replay_too", En: "  the replay fails too, at entry %s, which may be one that was changed (so no finding about what the assembly did): %s\n",
		De: "  auch die Wiedergabe scheitert, bei Eintrag %s, der einer der geänderten sein kann (also kein Befund darüber, was die Versammlung tat): %s\n",
		Ru: "  воспроизведение тоже не проходит, на записи %s, которая может быть одной из изменённых (значит, это не вывод о действиях собрания): %s\n",
		Fr: "  la relecture échoue aussi, à l'entrée %s, qui peut être l'une des entrées modifiées (ce n'est donc pas un constat sur ce que l'assemblée a fait) : %s\n",
		Es: "  la reproducción también falla, en la entrada %s, que puede ser una de las modificadas (así que no es un hallazgo sobre lo que hizo la asamblea): %s\n"},
}
