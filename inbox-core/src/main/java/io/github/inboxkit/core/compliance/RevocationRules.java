package io.github.inboxkit.core.compliance;

import static io.github.inboxkit.core.compliance.RevocationLanguage.ENGLISH;
import static io.github.inboxkit.core.compliance.RevocationLanguage.FRENCH;
import static io.github.inboxkit.core.compliance.RevocationLanguage.SPANISH;

/**
 * The revocation rules InboxKit ships, in the pattern notation of {@link RuleBook}: the mandatory
 * words, the courtesy words allowed around them, and the natural-language phrases of English,
 * Spanish and French with their negation cues.
 *
 * <p>How the rules lean: a phrase is a revocation when it asks the business to stop texting
 * (or contacting) the sender, to take the sender off its list, or says the sender wants no more
 * messages. Phrases that merely contain a mandatory word ("stop by the store", "cancel my
 * appointment", "end of the month") match no rule; a negation or a question shortly before a
 * phrase ("don't stop texting me", "why did you stop texting me") turns it off. Ambiguous replies
 * ("not interested", "wrong number", "who is this?") are left alone: whether they revoke consent is
 * the host's call, and a false revocation silences a customer who wanted the texts.
 */
final class RevocationRules {

    private static final boolean NEGATABLE = true;
    private static final boolean NOT_NEGATABLE = false;
    private static final boolean LAUGHTER_VETOES = true;
    private static final boolean LAUGHTER_IRRELEVANT = false;

    /** Compiled once: the rules are the same for every detector, which only picks languages. */
    private static final RuleBook STANDARD = define(new RuleBook.Builder()).build();

    private RevocationRules() {}

    static RuleBook standard() {
        return STANDARD;
    }

    private static RuleBook.Builder define(RuleBook.Builder book) {
        // "opt out" in two words is matched as a pair of words by the detector; "optout" is one word
        book.keyword("STOP", "stop").keyword("QUIT", "quit").keyword("END", "end").keyword("REVOKE", "revoke")
                .keyword("CANCEL", "cancel").keyword("UNSUBSCRIBE", "unsubscribe").keyword("OPT OUT", "optout");
        book.fillers("please pls plz plez plis pleas plse pleaz pleez plix now rn right thanks thank you u thx tx ty"
                + " tnx thnx thanx ok okay okey k all asap already immediately everything sir maam madam guys just"
                + " no nope yes yeah yep hey hi hello sorry omg ugh dude seriously again oh well so man"
                + " por favor porfa porfavor xfa xfavor gracias ya ahora todo todos si hola oye senor senora"
                + " inmediatamente svp stp s il vous te plait merci maintenant tout tous oui non bonjour salut"
                + " immediatement much very beaucoup muchas mucho bien");
        book.laughter("lol lmao lmfao rofl haha hahaha hahahaha hehe jaja jajaja jajajaja jeje mdr ptdr xd");
        english(book);
        spanish(book);
        french(book);
        return book;
    }

    private static void english(RuleBook.Builder book) {
        book.cues(ENGLISH,
                "dont not never didnt doesnt cant cannot wont wouldnt shouldnt couldnt isnt arent wasnt havent"
                        + " hasnt aint dnt",
                "",
                "why if when whether did does hope",
                "",
                "after before between during",
                "stop quit cease halt end keep continue");
        book.words("en-stop", "stop quit cease halt end");
        book.words("en-sending", "texting txting texing messaging msging messageing sending contacting calling"
                + " emailing spamming bothering harassing pestering");
        book.words("en-receiving", "receiving getting");
        book.words("en-texts", "texts text txts txt messages message msgs msg sms smss mms alerts alert"
                + " notifications notification promotions promotion promos promo ads advertisements offers deals"
                + " spam marketing updates reminders junk emails calls robotexts textmessages");
        book.words("en-determiner", "the these those this that your ur all any such my");
        book.words("en-textverb", "text txt message msg contact call email spam sms bother");
        book.words("en-list", "list lists listing database system contacts records mailing");
        book.words("en-unsubscribe", "unsubscribe unsub unsuscribe unsubcribe unsubscibe unsubsribe usubscribe"
                + " unsubsrcibe unscribe unsubscrib unsubscibe unsusbcribe");
        book.words("en-keyword", "stop quit end revoke cancel unsubscribe optout remove");

        book.rule(ENGLISH, "stop-sending", "a request to stop texting or contacting ('stop texting me',"
                        + " 'quit messaging me', 'stop receiving these')", NEGATABLE, LAUGHTER_IRRELEVANT,
                "@en-stop @en-sending",
                "@en-stop @en-receiving *2 @en-texts|these|them|this|those");
        book.rule(ENGLISH, "stop-texts", "a request to stop the texts ('stop these messages', 'end all texts')",
                NEGATABLE, LAUGHTER_IRRELEVANT,
                "@en-stop @en-determiner? *2 @en-texts");
        book.rule(ENGLISH, "no-more", "no more texts ('no more messages please')", NOT_NEGATABLE, LAUGHTER_IRRELEVANT,
                "^ no more @en-texts",
                "want|need no more @en-texts");
        book.rule(ENGLISH, "dont-text", "a request not to be texted again ('don't text me',"
                        + " 'do not contact me again', 'never send me messages')", NOT_NEGATABLE, LAUGHTER_IRRELEVANT,
                "dont|never|dnt @en-textverb me|us again|anymore|ever|further",
                "dont|never|dnt @en-textverb me|us any more",
                "dont|never|dnt @en-textverb me|us $",
                "do not @en-textverb me|us again|anymore|ever|further",
                "do not @en-textverb me|us any more",
                "do not @en-textverb me|us $",
                "dont|never|dnt @en-textverb this number",
                "do not @en-textverb this number",
                "dont|never|dnt send me|us? *2 @en-texts",
                "do not send me|us? *2 @en-texts");
        book.rule(ENGLISH, "unsubscribe", "the word unsubscribe, or a misspelling of it, in a longer reply"
                        + " ('how do I unsubscribe')", NEGATABLE, LAUGHTER_IRRELEVANT,
                "@en-unsubscribe");
        book.rule(ENGLISH, "opt-out", "the words opt out in a longer reply ('I want to opt out', 'opt me out')",
                NEGATABLE, LAUGHTER_IRRELEVANT,
                "opt out",
                "optout",
                "opt me|us out",
                "opted out");
        book.rule(ENGLISH, "revoke", "revoking or withdrawing consent ('I revoke my consent')", NEGATABLE,
                LAUGHTER_IRRELEVANT,
                "revoke|withdraw|remove|pull my|all|any? consent|permission|authorization|authorisation",
                "revoke $",
                "revoke *2 @en-texts");
        book.rule(ENGLISH, "remove-me", "a request to be taken off a list or to have a number deleted"
                        + " ('take me off your list', 'remove me', 'delete my number')", NEGATABLE, LAUGHTER_IRRELEVANT,
                "remove|delete|erase|unlist me|us",
                "^ remove|delete $",
                "take|get|drop|cross|scratch|pull me|us|my *1 off|from *3 @en-list",
                "take|get me|us off $",
                "remove|delete|erase|lose|forget|drop my *1 number|num|info|information|details",
                "remove|delete|erase|take this|that number",
                "want out *3 @en-list",
                "be removed|taken *1 off|from *3 @en-list");
        book.rule(ENGLISH, "leave-alone", "'leave me alone'", NEGATABLE, LAUGHTER_VETOES,
                "leave me|us alone");
        book.rule(ENGLISH, "dont-want", "not wanting the texts ('I don't want these messages',"
                        + " 'I no longer wish to receive texts')", NOT_NEGATABLE, LAUGHTER_IRRELEVANT,
                "dont|doesnt|not|never|longer want|need|wish *4 @en-texts",
                "want|need @en-determiner? *1 @en-texts to stop|end");
        book.rule(ENGLISH, "never-signed-up", "never having signed up ('I never signed up for this',"
                        + " 'I did not consent')", NOT_NEGATABLE, LAUGHTER_IRRELEVANT,
                "never|didnt|not|dont sign|signed up",
                "never|didnt|not subscribe|subscribed|consent|consented|signup",
                "never|didnt|not opt|opted in");
        book.rule(ENGLISH, "stop-it", "'stop it' or 'stop this' as the whole sentence", NEGATABLE, LAUGHTER_VETOES,
                "^ @en-stop it|this|that $");
        book.rule(ENGLISH, "cancel-texts", "cancelling the texts or the subscription ('cancel my subscription',"
                        + " 'cancel these alerts')", NEGATABLE, LAUGHTER_IRRELEVANT,
                "cancel|terminate @en-determiner? *1 subscription|subscriptions|texting|@en-texts");
        book.rule(ENGLISH, "said-stop", "repeating an earlier opt-out ('I said STOP', 'I told you to stop')",
                NOT_NEGATABLE, LAUGHTER_VETOES,
                "said|told|asked|say *3 @en-keyword $",
                "said|told|asked|say *3 opt out $");
    }

    private static void spanish(RuleBook.Builder book) {
        book.cues(SPANISH, "no nunca jamas ni tampoco", "", "si cuando porque pq", "", "despues antes entre durante",
                "dejen deja dejes deje dejar paren para pare parar sigan sigue seguir");
        book.words("es-subjunctive", "escriban escribas escriba manden mandes mande envien envies envie contacten"
                + " enbien enbies enbie embien contactes contacte llamen llames llame molesten molestes moleste texteen textees textee");
        book.words("es-infinitive-me", "escribirme escribirnos mandarme mandarnos enviarme enviarnos contactarme"
                + " contactarnos llamarme llamarnos molestarme molestarnos textearme");
        book.words("es-infinitive", "escribir mandar enviar contactar llamar molestar textear");
        book.words("es-messages", "mensajes mensaje msj msjs mensajitos sms textos texto notificaciones alertas"
                + " promociones publicidad ofertas correos spam whatsapps");
        book.words("es-stop", "dejen deja dejes deje dejar paren para pare parar dejad parad");
        book.words("es-determiner", "los las sus su mis mi estos estas esos esas todos todas tus");
        book.words("es-list", "lista listas base sistema contactos");

        book.rule(SPANISH, "no-me-escriban", "a request not to be written to ('ya no me escriban',"
                        + " 'no me manden más mensajes')", NOT_NEGATABLE, LAUGHTER_IRRELEVANT,
                "no me|nos @es-subjunctive *2 mas|nunca|jamas|nada|@es-messages",
                "no me|nos @es-subjunctive $");
        book.rule(SPANISH, "dejen-de", "a request to stop writing ('dejen de escribirme',"
                        + " 'deja de mandarme mensajes')", NEGATABLE, LAUGHTER_IRRELEVANT,
                "@es-stop de @es-infinitive-me",
                "@es-stop de @es-infinitive *2 @es-messages",
                "@es-stop de molestar");
        book.rule(SPANISH, "no-vuelvan", "a request not to be written to again ('no me vuelvan a escribir')",
                NOT_NEGATABLE, LAUGHTER_IRRELEVANT,
                "no me|nos vuelvan|vuelvas|vuelva a @es-infinitive");
        book.rule(SPANISH, "no-mas", "no more messages ('no más mensajes', 'basta de mensajes')", NOT_NEGATABLE,
                LAUGHTER_IRRELEVANT,
                "^ no mas @es-messages",
                "^ basta de? @es-determiner? @es-messages");
        book.rule(SPANISH, "basta", "'basta' or 'alto' as the whole sentence", NOT_NEGATABLE, LAUGHTER_VETOES,
                "^ basta|alto $");
        book.rule(SPANISH, "baja", "asking to be unsubscribed ('quiero darme de baja', 'baja')", NEGATABLE,
                LAUGHTER_IRRELEVANT,
                "dar|darme|darnos|darse|den|denme|deme|dame|doy de baja",
                "^ baja $");
        book.rule(SPANISH, "quitar-lista", "a request to be taken off a list or to have a number deleted"
                        + " ('sáquenme de su lista', 'borren mi número')", NEGATABLE, LAUGHTER_IRRELEVANT,
                "quitenme|borrenme|eliminenme",
                "borrame|eliminame|quitame|quiteme|borreme|elimineme|quitarme|borrarme|eliminarme|sacame|saquenme"
                        + "|saqueme|sacarme|bajenme|bajame|bajarme *3 @es-list|numero|mensajes",
                "me|nos borren|quiten|saquen|eliminen|borres|quites|saques|elimines *3 @es-list",
                "borren|eliminen|borra|elimina|quiten|borre|elimine mi numero|telefono|celular|contacto|datos");
        book.rule(SPANISH, "no-quiero", "not wanting the messages ('no quiero recibir más mensajes')",
                NOT_NEGATABLE, LAUGHTER_IRRELEVANT,
                "no quiero|deseo|necesito *3 @es-messages");
        book.rule(SPANISH, "cancelar", "cancelling the messages or the subscription ('cancelar suscripción')",
                NEGATABLE, LAUGHTER_IRRELEVANT,
                "cancelar|cancela|cancelen|cancelo|cancele|anular|anulen @es-determiner? *1"
                        + " suscripcion|suscripciones|subscripcion|@es-messages");
        book.rule(SPANISH, "desuscribir", "the word desuscribir or its forms ('desuscríbanme')", NEGATABLE,
                LAUGHTER_IRRELEVANT,
                "desuscribir|desuscribirme|desuscribanme|desuscribame|desuscribeme|desuscribo|desuscripcion"
                        + "|desinscribir|desinscribirme|desubscribir|desubscribirme|desuscribirse");
    }

    private static void french(RuleBook.Builder book) {
        book.cues(FRENCH, "n ne pas jamais", "pas jamais", "si pourquoi quand", "vous tu il elle on ils elles",
                "apres avant entre pendant",
                "arretez arrete arretes arreter cessez cesse cesser stoppez stoppe stopper continuez continue");
        book.words("fr-stop", "arretez arrete arretes arreter cessez cesse cesser stoppez stoppe stopper");
        book.words("fr-infinitive", "ecrire envoyer contacter appeler texter harceler deranger spammer importuner"
                + " solliciter relancer");
        // the apostrophe of "m'écrire" is often left out in texts
        book.words("fr-infinitive-glued", "mecrire menvoyer mappeler mcontacter mtexter mharceler");
        book.words("fr-list", "liste listes fichier fichiers base contacts repertoire");
        book.words("fr-imperative", "ecrivez ecris envoyez envoie envoies contactez contacte appelez appelle textez"
                + " texte derangez harcelez relancez");
        book.words("fr-messages", "messages message sms textos texto msg msgs notifications alertes promotions promos"
                + " pubs publicites publicite courriels mails offres");
        book.words("fr-determiner", "les vos ces tes des tous toutes de d aux");
        book.words("fr-unsubscribe", "desabonnez desabonner desabonne desabonnes desabonnement desinscrivez"
                + " desinscrire desinscris desinscription desinscrit desinscrivez");
        book.words("fr-remove", "retirez supprimez enlevez effacez rayez retire supprime enleve efface otez sortez");

        book.rule(FRENCH, "arretez-de", "a request to stop writing ('arrêtez de m'écrire',"
                        + " 'cessez de me contacter')", NEGATABLE, LAUGHTER_IRRELEVANT,
                "@fr-stop de|d m|me|nous @fr-infinitive",
                "@fr-stop de|d @fr-infinitive *3 @fr-messages",
                "@fr-stop de @fr-infinitive-glued");
        book.rule(FRENCH, "arretez-messages", "a request to stop the messages ('arrêtez les SMS',"
                        + " 'stop aux messages')", NEGATABLE, LAUGHTER_IRRELEVANT,
                "@fr-stop @fr-determiner? *1 @fr-messages",
                "stop|halte aux *1 @fr-messages");
        book.rule(FRENCH, "ne-plus", "a request not to be written to any more ('ne m'écrivez plus',"
                        + " 'merci de ne plus me contacter')", NOT_NEGATABLE, LAUGHTER_IRRELEVANT,
                "ne|n m|me|nous? @fr-imperative plus|pas|jamais",
                "ne plus m|me|nous? @fr-infinitive");
        book.rule(FRENCH, "plus-de", "no more messages ('plus de messages svp', 'fini les SMS')", NOT_NEGATABLE,
                LAUGHTER_IRRELEVANT,
                "^ plus|assez|fini|finis de|d|les|aux? @fr-messages");
        book.rule(FRENCH, "desabonner", "asking to be unsubscribed ('désabonnez-moi', 'je veux me désinscrire')",
                NEGATABLE, LAUGHTER_IRRELEVANT,
                "@fr-unsubscribe");
        book.rule(FRENCH, "retirez-moi", "a request to be taken off a list or to have a number deleted"
                        + " ('retirez-moi de votre liste', 'supprimez mon numéro')", NEGATABLE, LAUGHTER_IRRELEVANT,
                "@fr-remove moi|nous",
                "@fr-remove mon *1 numero|num|contact|telephone",
                "me|nous retirer|supprimer|enlever|effacer|rayer *3 @fr-list");
        book.rule(FRENCH, "ne-veux-plus", "not wanting the messages ('je ne veux plus recevoir de messages')",
                NOT_NEGATABLE, LAUGHTER_IRRELEVANT,
                "ne|n veux|souhaite|desire|voulons plus|pas|jamais *3 @fr-messages",
                "veux|voulons|souhaite plus|pas recevoir *3 @fr-messages");
        book.rule(FRENCH, "laissez-moi", "'laissez-moi tranquille', 'fichez-moi la paix'", NEGATABLE, LAUGHTER_VETOES,
                "laissez|laisse|fichez|fiche|foutez|fous moi|nous *1 tranquille|tranquilles|paix");
        book.rule(FRENCH, "arret", "'arrêt' or 'arrêtez' as the whole sentence", NOT_NEGATABLE, LAUGHTER_VETOES,
                "^ arret|arretez|arrete|stoppez $");
    }
}
