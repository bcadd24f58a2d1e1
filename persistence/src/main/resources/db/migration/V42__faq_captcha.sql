-- The captcha has no code to read any more (issue 11: ALTCHA's proof of work): the FAQ says how it works now.
UPDATE faq_question SET question = 'Comment fonctionne la vérification anti-robot (captcha) ?',
    answer = 'Cochez la case « Je ne suis pas un robot », à la souris ou au clavier (touche Espace) : votre navigateur fait alors un calcul de quelques secondes, sans image à lire ni question à résoudre, puis la case affiche « Vérifié ». Chaque vérification ne sert qu''une fois et expire au bout de 15 minutes. Si elle a expiré ou échoué, une nouvelle vérification vous est proposée : cochez à nouveau la case. Si la case reste sans effet, vérifiez que JavaScript est activé dans votre navigateur.'
    WHERE question = 'Je n''arrive pas à lire le code captcha : que faire ?';
UPDATE faq_question SET answer = REPLACE(answer, 'saisissez le numéro de SIRET et le code captcha, cliquez sur « Rechercher »',
    'saisissez le numéro de SIRET, cochez « Je ne suis pas un robot », cliquez sur « Rechercher »')
    WHERE answer LIKE '%saisissez le numéro de SIRET et le code captcha%';
UPDATE faq_question SET answer = REPLACE(answer, 'vérifiez le récapitulatif, saisissez le code captcha, cochez les engagements',
    'vérifiez le récapitulatif, cochez « Je ne suis pas un robot » et les engagements')
    WHERE answer LIKE '%saisissez le code captcha, cochez les engagements%';
UPDATE faq_question SET answer = REPLACE(answer, 'saisissez le code captcha puis cliquez sur « Envoyer »',
    'cochez « Je ne suis pas un robot » puis cliquez sur « Envoyer »')
    WHERE answer LIKE '%saisissez le code captcha puis cliquez sur « Envoyer »%';
