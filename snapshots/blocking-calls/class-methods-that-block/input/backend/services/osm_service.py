import requests

OSM_API = "https://api.openstreetmap.org/api/0.6"


class OSMServiceError(Exception):
    pass


class OSMService:
    @staticmethod
    def get_osm_details_for_user(user_id: int) -> dict:
        response = requests.get(f"{OSM_API}/user/{user_id}.json", timeout=10)
        if response.status_code != 200:
            raise OSMServiceError("Bad response from OSM")
        return response.json()

    @staticmethod
    def profile_url(username: str) -> str:
        return f"https://www.openstreetmap.org/user/{username}"

    @staticmethod
    async def get_changesets(user_id: int) -> list:
        return []


class MapswipeService:
    def __init__(self, url: str = "https://backend.mapswipe.org/graphql/") -> None:
        self.url = url

    def fetch_filtered_partner_stats(self, group_id: str, start: str, end: str) -> dict:
        payload = {"groupId": group_id, "from": start, "to": end}
        return requests.post(self.url, json=payload, timeout=30).json()

    def describe(self) -> str:
        return f"Mapswipe at {self.url}"
