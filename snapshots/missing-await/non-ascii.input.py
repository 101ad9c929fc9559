async def envoyer_bienvenue(utilisateur, message="Bienvenue, café ☕"):
    ...


async def inscrire(utilisateur):
    envoyer_bienvenue(utilisateur, message="Grüße — 日本語")  # déjà traduit
    profil = envoyer_bienvenue(utilisateur)
    print(profil["nom"])
