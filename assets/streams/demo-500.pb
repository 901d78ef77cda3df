í
node-1-1Äã“ªâ…Ó'node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.98 seq=1ë
node-1-2Äã“ªÖ˚˘Jnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.50 seq=2ë
node-1-3Äã“ªÅóÂvnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.72 seq=3é
node-1-4Äã“ª’÷¨node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.91 seq=4à
node-1-5Äã“ªâÓ°£node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T106 bearing=84 speed=15m/sâ
node-1-6Äã“ª ßÀ node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T139 bearing=229 speed=11m/sí
node-1-7Äã“ª‹Åù‰node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.72 seq=7w
node-1-8Äã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=37.0%w
node-1-9Äã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=52.1%{
	node-1-10Äã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=47.2CÑ
	node-1-11Äã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=96.0%ç
	node-1-12Äã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-40.0dBmì
	node-1-13Äã“ª™∞Ì˛node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.82 seq=8ì
	node-1-14Äã“ªøúùãnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.71 seq=9î
	node-1-15Äã“ª¿–òùnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.69 seq=10ï
	node-1-16Äã“ªé‡Õ≠node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.68 seq=11ë
	node-1-17Äã“ª—û¥ƒnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.73 seq=12î
	node-1-18Äã“ª§ÿ‡‘node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.50 seq=13ê
	node-1-19Åã“ª≥ÊÄ6node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.68 seq=14ê
	node-1-20Åã“ªÈëÿ7node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.65 seq=15ê
	node-1-21Åã“ª‡æª?node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.55 seq=16ê
	node-1-22Åã“ª∑¥ódnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.57 seq=17ï
	node-1-23Åã“ª«Á˚´node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.89 seq=18î
	node-1-24Åã“ªåôÊ√node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.69 seq=19x
	node-1-25Åã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=35.5%x
	node-1-26Åã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=50.8%{
	node-1-27Åã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=48.1CÑ
	node-1-28Åã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=96.0%ç
	node-1-29Åã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-40.4dBmî
	node-1-30Åã“ªËÁÈˇnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.63 seq=20ï
	node-1-31Åã“ªÀˇÜÑnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.84 seq=21ï
	node-1-32Åã“ªœÂÔìnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.69 seq=22ï
	node-1-33Åã“ª…¨è∞node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.69 seq=23î
	node-1-34Åã“ªôÀ±±node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.71 seq=24î
	node-1-35Åã“ªì¬¢∏node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.98 seq=25ë
	node-1-36Åã“ªó°·ºnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.66 seq=26î
	node-1-37Åã“ªæÍıﬂnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.50 seq=27î
	node-1-38Åã“ªÀ‚Ø˚node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.71 seq=28ï
	node-1-39Åã“ªÃÒ»ênode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.56 seq=29ä
	node-1-40Åã“ªÑ»øÆnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T132 bearing=272 speed=27m/së
	node-1-41Åã“ªÄ¡πØnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.74 seq=31ë
	node-1-42Åã“ªøØÿ€node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.77 seq=32â
	node-1-43Çã“ªü›öCnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T120 bearing=269 speed=17m/sâ
	node-1-44Çã“ªÆ‹îanode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T107 bearing=185 speed=14m/sì
	node-1-45Çã“ªﬂõ«anode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.99 seq=35ì
	node-1-46Çã“ª˜’‹hnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.84 seq=36â
	node-1-47Çã“ªﬂªî|node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T131 bearing=266 speed=27m/sï
	node-1-48Çã“ª√‚©ùnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.63 seq=38î
	node-1-49Çã“ªö©„≥node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.53 seq=39ë
	node-1-50Çã“ªëê©µnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.99 seq=40ä
	node-1-51Çã“ªËÑî∑node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T127 bearing=181 speed=23m/sx
	node-1-52Çã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=34.8%x
	node-1-53Çã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=52.1%{
	node-1-54Çã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=49.8CÑ
	node-1-55Çã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.9%ç
	node-1-56Çã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-42.2dBmî
	node-1-57Çã“ª›¸¯Ùnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.92 seq=42î
	node-1-58Çã“ª±ˆ·ânode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.60 seq=43î
	node-1-59Çã“ªƒü†ònode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.97 seq=44â
	node-1-60Çã“ªÓàõ´node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T139 bearing=197 speed=5m/sï
	node-1-61Çã“ªØˆª≠node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.74 seq=46ï
	node-1-62Çã“ªÕ˚»∂node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.61 seq=47î
	node-1-63Çã“ª§§⁄Înode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.83 seq=48ï
	node-1-64Çã“ªº°ÎÓnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.92 seq=49ë
	node-1-65Çã“ªÀ‡¨ìnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.53 seq=50ï
	node-1-66Çã“ª¬ÙÆßnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.93 seq=51î
	node-1-67Çã“ªÉÊµ⁄node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.66 seq=52ê
	node-1-68Éã“ª”Ã∫node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.74 seq=53ì
	node-1-69Éã“ª—¿‰$node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.80 seq=54ï
	node-1-70Éã“ª¬ñØ≠node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.79 seq=55î
	node-1-71Éã“ªƒê Ànode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.58 seq=56ä
	node-1-72Éã“ª¯öÔÈnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T109 bearing=159 speed=13m/sx
	node-1-73Éã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=34.3%x
	node-1-74Éã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=50.5%{
	node-1-75Éã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=49.8CÑ
	node-1-76Éã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.9%ç
	node-1-77Éã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-41.2dBmà
	node-1-78Éã“ªŒ´Ïˆnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ track=T100 bearing=88 speed=5m/sä
	node-1-79Éã“ª§èØ˜node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T105 bearing=306 speed=25m/sï
	node-1-80Éã“ª◊ò¨Ænode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.72 seq=60ä
	node-1-81Éã“ª¨÷•∏node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T129 bearing=298 speed=25m/së
	node-1-82Éã“ªã€ÏÁnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.60 seq=62î
	node-1-83Éã“ªáå∂Ínode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.72 seq=63î
	node-1-84Éã“ªÏÇÃ°node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.98 seq=64î
	node-1-85Éã“ª„ë≈¨node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.55 seq=65ä
	node-1-86Éã“ªüöØØnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T135 bearing=337 speed=17m/sï
	node-1-87Éã“ª¿œó¡node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.54 seq=67î
	node-1-88Éã“ª“Ÿ÷Ÿnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.68 seq=68ì
	node-1-89Ñã“ªâ∑¯,node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.57 seq=69ì
	node-1-90Ñã“ªˆ≠Ñ0node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.94 seq=70à
	node-1-91Ñã“ª»Ÿ¸Hnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T102 bearing=67 speed=25m/sê
	node-1-92Ñã“ªì·Ìpnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.71 seq=72á
	node-1-93Ñã“ª∏ô§{node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ track=T126 bearing=34 speed=6m/sï
	node-1-94Ñã“ªœ‘ßúnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.70 seq=74ï
	node-1-95Ñã“ªÎœì±node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.84 seq=75î
	node-1-96Ñã“ª¶æ√–node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.64 seq=76ë
	node-1-97Ñã“ª¬»Ç”node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.85 seq=77x
	node-1-98Ñã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=35.9%x
	node-1-99Ñã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=51.2%|

node-1-100Ñã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=51.2CÖ

node-1-101Ñã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.8%é

node-1-102Ñã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-40.0dBmí

node-1-103Ñã“ª¥∞˙Ônode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.72 seq=78ä

node-1-104Ñã“ªåÆ£¯node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T133 bearing=14 speed=27m/sã

node-1-105Ñã“ªﬂ¯ñ¶node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T106 bearing=285 speed=10m/sä

node-1-106Ñã“ª£ªˆ€node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T127 bearing=72 speed=21m/sí

node-1-107Ñã“ªïÌ”Ínode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.63 seq=82ã

node-1-108Ñã“ªØ–•node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T100 bearing=215 speed=29m/sí

node-1-109Ñã“ª¿Ø…¯node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.95 seq=84ï

node-1-110Ñã“ªáï¬ênode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.65 seq=85ï

node-1-111Ñã“ªé∑‘£node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.81 seq=86í

node-1-112Ñã“ªÈ¥àÕnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.88 seq=87ä

node-1-113Öã“ª¶«ˇ$node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T127 bearing=116 speed=19m/së

node-1-114Öã“ªΩ§¢@node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.84 seq=89ï

node-1-115Öã“ªÏ¯ùNnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.66 seq=90ñ

node-1-116Öã“ª’Ï⁄Änode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.75 seq=91í

node-1-117Öã“ª·ß–Çnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.86 seq=92ï

node-1-118Öã“ªÆ¸¡Ünode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.53 seq=93ä

node-1-119Öã“ª∏®™Õnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T103 bearing=105 speed=2m/sy

node-1-120Öã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=36.6%y

node-1-121Öã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=52.4%|

node-1-122Öã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=50.6CÖ

node-1-123Öã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.7%é

node-1-124Öã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-41.3dBmí

node-1-125Öã“ªÑÔÂˇnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.81 seq=95ã

node-1-126Öã“ª¿ÏΩñnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T111 bearing=136 speed=24m/sã

node-1-127Öã“ª⁄¶…ünode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T103 bearing=332 speed=23m/sï

node-1-128Öã“ªÑ∂÷πnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.64 seq=98ï

node-1-129Öã“ª≥òñŒnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.99 seq=99ó

node-1-130Öã“ªÖ«Òﬁnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.81 seq=100ñ

node-1-131Öã“ªÁ˙¬Ènode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.51 seq=101â

node-1-132Öã“ªı…¶¯node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ track=T107 bearing=81 speed=3m/sã

node-1-133Öã“ª˝Àˇånode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T133 bearing=106 speed=25m/sã

node-1-134Öã“ª∑∆∞µnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T116 bearing=261 speed=29m/só

node-1-135Öã“ª⁄”«Œnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.57 seq=105ì

node-1-136Öã“ª≤¡∫–node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.82 seq=106ì

node-1-137Öã“ªˆ∑±÷node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.56 seq=107ä

node-1-138Öã“ªˇÒ…‹node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T106 bearing=141 speed=1m/sñ

node-1-139Üã“ªñ°›node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.89 seq=109ñ

node-1-140Üã“ªöˇÍ%node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.52 seq=110í

node-1-141Üã“ªÔÜÍAnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.67 seq=111ï

node-1-142Üã“ª•öügnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.61 seq=112ï

node-1-143Üã“ªØ‘åwnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.58 seq=113ï

node-1-144Üã“ªó∆Éxnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.54 seq=114ã

node-1-145Üã“ª€›àãnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T107 bearing=304 speed=10m/sñ

node-1-146Üã“ªƒ¡›´node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.64 seq=116ó

node-1-147Üã“ªÒ≈ÜŒnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.76 seq=117ó

node-1-148Üã“ªùíû”node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.93 seq=118ä

node-1-149Üã“ªÉΩÆÓnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T131 bearing=241 speed=3m/sy

node-1-150Üã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=35.0%y

node-1-151Üã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=51.3%|

node-1-152Üã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=50.5CÖ

node-1-153Üã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.7%é

node-1-154Üã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-40.4dBmñ

node-1-155Üã“ªÒäı˜node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.79 seq=120ñ

node-1-156Üã“ªûŸ¢˛node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.78 seq=121ó

node-1-157Üã“ª√ÅıÇnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.94 seq=122ì

node-1-158Üã“ªƒòÂ§node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.65 seq=123ñ

node-1-159Üã“ªàùÒÆnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.58 seq=124ì

node-1-160Üã“ª£òó«node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.76 seq=125ì

node-1-161Üã“ªèŸó…node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.68 seq=126ã

node-1-162Üã“ªÒ™ë‡node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T117 bearing=207 speed=11m/sã

node-1-163Üã“ªºƒ™„node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T106 bearing=325 speed=12m/sñ

node-1-164Üã“ª∞ı´Ónode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.91 seq=129ó

node-1-165Üã“ªæö∏ìnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.67 seq=130ñ

node-1-166Üã“ªÒÊÇúnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.97 seq=131ñ

node-1-167Üã“ª√÷à°node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.62 seq=132ó

node-1-168Üã“ªÊöÏ≠node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.79 seq=133ä

node-1-169Üã“ªŸ¬ª∂node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T124 bearing=124 speed=1m/sã

node-1-170Üã“ª∫˝¥∆node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T120 bearing=297 speed=25m/sñ

node-1-171Üã“ªß√Ì”node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.56 seq=136í

node-1-172áã“ªÑœÈ6node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.92 seq=137ñ

node-1-173áã“ª∑¬⁄<node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.78 seq=138ñ

node-1-174áã“ªÄ¬úEnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.80 seq=139ï

node-1-175áã“ªÏ√µPnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.62 seq=140í

node-1-176áã“ª‚¯·Znode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.97 seq=141í

node-1-177áã“ªù™éynode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.85 seq=142ñ

node-1-178áã“ª◊à∏ónode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.66 seq=143ì

node-1-179áã“ªÎˆà¶node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.58 seq=144ì

node-1-180áã“ª˛˜©node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.64 seq=145ñ

node-1-181áã“ª∏π‡≠node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.80 seq=146ó

node-1-182áã“ª≈ƒÖ»node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.56 seq=147ã

node-1-183áã“ª±—æ…node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T113 bearing=174 speed=26m/sã

node-1-184áã“ª€¥ﬁÕnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T117 bearing=304 speed=13m/só

node-1-185áã“ªîàˆ‘node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.67 seq=150à

node-1-186áã“ªÑ∆¨ﬂnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZtrack=T122 bearing=6 speed=4m/sy

node-1-187áã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=34.1%y

node-1-188áã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=49.4%|

node-1-189áã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=49.2CÖ

node-1-190áã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.6%é

node-1-191áã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-40.0dBmñ

node-1-192áã“ª¯„√Ónode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.77 seq=152ì

node-1-193áã“ªì§Ínode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.59 seq=153ä

node-1-194áã“ª„≤ÙÖnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T132 bearing=335 speed=2m/sñ

node-1-195áã“ª–ÓÔänode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.76 seq=155ì

node-1-196áã“ªÕë˜ånode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.76 seq=156ì

node-1-197áã“ªõ·Âônode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.70 seq=157ó

node-1-198áã“ªùãÖ‹node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.55 seq=158ñ

node-1-199áã“ª∫˙¿Ânode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.72 seq=159ó

node-1-200áã“ªè¸ï˚node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.57 seq=160ã

node-1-201áã“ª€’ù∫node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T112 bearing=293 speed=16m/sä

node-1-202áã“ªµÖ≤∫node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T104 bearing=127 speed=1m/sñ

node-1-203áã“ª±≤£¡node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.58 seq=163ì

node-1-204áã“ª∆µ’⁄node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.93 seq=164â

node-1-205àã“ª››Œnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T132 bearing=204 speed=8m/sä

node-1-206àã“ª˝¸’node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T123 bearing=304 speed=16m/sä

node-1-207àã“ª´¬…node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T116 bearing=321 speed=25m/sï

node-1-208àã“ª∞Ö!node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.68 seq=168ï

node-1-209àã“ª£¯ -node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.88 seq=169ñ

node-1-210àã“ª∫ˆÍBnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.94 seq=170í

node-1-211àã“ª§≈∑Cnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.78 seq=171ñ

node-1-212àã“ª◊”Õhnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.56 seq=172ï

node-1-213àã“ª«¸«lnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.72 seq=173í

node-1-214àã“ª¥òâpnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.63 seq=174í

node-1-215àã“ªñ¢¿rnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.53 seq=175ä

node-1-216àã“ª“˝äznode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T120 bearing=226 speed=15m/sã

node-1-217àã“ªŸÅÑénode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T129 bearing=183 speed=13m/sì

node-1-218àã“ªÂ¢“önode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.55 seq=178â

node-1-219àã“ª„˙˜±node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ track=T129 bearing=16 speed=5m/sã

node-1-220àã“ªÆΩπ¬node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T105 bearing=304 speed=14m/só

node-1-221àã“ªûÅŸÂnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.65 seq=181y

node-1-222àã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=33.1%y

node-1-223àã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=51.1%|

node-1-224àã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=48.8CÖ

node-1-225àã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.5%é

node-1-226àã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-40.0dBmã

node-1-227àã“ª˚∞áînode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T107 bearing=133 speed=27m/só

node-1-228àã“ªƒñÙßnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.63 seq=183ì

node-1-229àã“ª÷µÉ∏node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.78 seq=184ñ

node-1-230àã“ª·ò˘ﬂnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.54 seq=185ñ

node-1-231àã“ª˙⁄Ì‡node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.73 seq=186ä

node-1-232àã“ªÄ◊ôÊnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T114 bearing=69 speed=29m/sñ

node-1-233àã“ªåûúınode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.64 seq=188ó

node-1-234àã“ª˜∂√ënode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.67 seq=189ñ

node-1-235àã“ªÚÜ¬¨node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.93 seq=190ñ

node-1-236àã“ª ﬁ«≈node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.60 seq=191ã

node-1-237àã“ªòﬂ»⁄node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T104 bearing=317 speed=19m/së

node-1-238
âã“ª¡ÌCnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.63 seq=193ï

node-1-239âã“ªÂˆµ,node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.50 seq=194ï

node-1-240âã“ªıÁ—5node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.95 seq=195í

node-1-241âã“ª∆‚≤7node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.95 seq=196ä

node-1-242âã“ª˙˛ﬂ;node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T126 bearing=315 speed=15m/sí

node-1-243âã“ªÖîäAnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.54 seq=198ï

node-1-244âã“ªö†∑mnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.53 seq=199ì

node-1-245âã“ªŒÿúØnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.88 seq=200ñ

node-1-246âã“ªı¶®≈node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.81 seq=201y

node-1-247âã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=32.2%y

node-1-248âã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=51.2%|

node-1-249âã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=49.2CÖ

node-1-250âã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.5%é

node-1-251âã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-40.0dBmñ

node-1-252âã“ªÊçÈònode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.56 seq=202ì

node-1-253âã“ªú˙¯ònode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.97 seq=203ñ

node-1-254âã“ª≥öÁ™node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.71 seq=204ó

node-1-255âã“ª¢ı„´node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.73 seq=205ñ

node-1-256âã“ªÌ‹âønode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.81 seq=206ñ

node-1-257âã“ª“¸«ÿnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.74 seq=207ì

node-1-258âã“ªÌéœ⁄node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.69 seq=208ñ

node-1-259âã“ª∞†àÏnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.91 seq=209ì

node-1-260âã“ª¯ÁŸ˙node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.70 seq=210ñ

node-1-261âã“ªµåõÇnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.85 seq=211ñ

node-1-262âã“ª«◊’ånode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.96 seq=212ñ

node-1-263âã“ª˙›‡ìnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.83 seq=213ñ

node-1-264âã“ªùî±Õnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.76 seq=214ñ

node-1-265äã“ª˚áÓnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.54 seq=215ï

node-1-266äã“ª†çê/node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.67 seq=216í

node-1-267äã“ªô≠∆/node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.94 seq=217â

node-1-268äã“ª‹ãÀ3node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T137 bearing=276 speed=9m/sï

node-1-269äã“ªé”˚Jnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.83 seq=219â

node-1-270äã“ª∞¬÷fnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T105 bearing=69 speed=10m/sí

node-1-271äã“ªÑ•nnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.65 seq=221ä

node-1-272äã“ªìº…Énode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T130 bearing=139 speed=2m/sì

node-1-273äã“ªŸ÷»ànode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.56 seq=223ì

node-1-274äã“ªê»·ënode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.66 seq=224ñ

node-1-275äã“ªÏúÆõnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.74 seq=225ñ

node-1-276äã“ªÒ‰øúnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.64 seq=226ì

node-1-277äã“ª˛”≠ßnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.50 seq=227ì

node-1-278äã“ª£ÇäËnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.65 seq=228y

node-1-279äã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=32.5%y

node-1-280äã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=49.4%|

node-1-281äã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=49.7CÖ

node-1-282äã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.5%é

node-1-283äã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-40.0dBmã

node-1-284äã“ªÚ§Îènode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T133 bearing=311 speed=15m/só

node-1-285äã“ªªóãínode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.72 seq=230ñ

node-1-286äã“ª∞°ö±node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.81 seq=231ó

node-1-287äã“ªñ©ÿænode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.74 seq=232ì

node-1-288äã“ªÎıµ…node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.74 seq=233ó

node-1-289äã“ª√‘µËnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.98 seq=234ì

node-1-290äã“ªú»£Ónode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.64 seq=235â

node-1-291äã“ª§çÎ˜node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ track=T124 bearing=64 speed=8m/sñ

node-1-292äã“ª÷ë¢ônode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.67 seq=237ä

node-1-293äã“ª÷Ÿ¢Ωnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T124 bearing=83 speed=16m/sñ

node-1-294äã“ª™ñ˜Ωnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.90 seq=239ì

node-1-295äã“ª•ÖÙÀnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.74 seq=240ä

node-1-296äã“ª¸≤ä”node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T118 bearing=149 speed=0m/sñ

node-1-297äã“ªÇΩ˘€node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.83 seq=242ä

node-1-298äã“ª—∂î‹node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T128 bearing=329 speed=1m/sí

node-1-299ãã“ª»ÊÌnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.93 seq=244ï

node-1-300ãã“ªì˚∞$node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.97 seq=245ñ

node-1-301ãã“ªê¯µ/node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.69 seq=246â

node-1-302ãã“ª‰‡§mnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T130 bearing=96 speed=14m/sñ

node-1-303ãã“ª˝ãòènode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.99 seq=248ì

node-1-304ãã“ª≤ñèÆnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.70 seq=249ã

node-1-305ãã“ªË≈´Ωnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T101 bearing=252 speed=28m/sì

node-1-306ãã“ªÜÎ‘ÿnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.94 seq=251ñ

node-1-307ãã“ªˇÏ§Ënode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.79 seq=252â

node-1-308ãã“ªîÊïÌnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ track=T122 bearing=9 speed=17m/sy

node-1-309ãã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=31.1%y

node-1-310ãã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=48.1%|

node-1-311ãã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=48.8CÖ

node-1-312ãã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.4%é

node-1-313ãã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-40.0dBmó

node-1-314ãã“ªÈ¯µÇnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.93 seq=254ã

node-1-315ãã“ª÷Ö—înode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T133 bearing=357 speed=16m/sñ

node-1-316ãã“ª¨ÌÜ¢node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.80 seq=256ñ

node-1-317ãã“ª⁄ÁëÆnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.66 seq=257ñ

node-1-318ãã“ª£˝–Ønode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.85 seq=258ì

node-1-319ãã“ª‡√íønode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.66 seq=259ì

node-1-320ãã“ªˆŸ˛Œnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.84 seq=260ã

node-1-321ãã“ªæËÇ›node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T104 bearing=179 speed=26m/sñ

node-1-322ãã“ªÏ∞⁄énode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.59 seq=262ä

node-1-323ãã“ª˘Øüònode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T132 bearing=145 speed=0m/sñ

node-1-324ãã“ªÌ†Ê£node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.93 seq=264ñ

node-1-325ãã“ª„áËÆnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.54 seq=265ã

node-1-326ãã“ª»ö¥«node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T122 bearing=153 speed=15m/sï

node-1-327åã“ª©û†node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.69 seq=267í

node-1-328åã“ª“‚Ù<node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.79 seq=268ï

node-1-329åã“ªÏò˙Jnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.77 seq=269ï

node-1-330åã“ªª®ÛQnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.82 seq=270â

node-1-331åã“ªŸáÃXnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T116 bearing=24 speed=26m/sñ

node-1-332åã“ª˚—§Çnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.53 seq=272ñ

node-1-333åã“ª∫Ñ›ûnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.85 seq=273ã

node-1-334åã“ªó¨œ—node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T137 bearing=216 speed=23m/sä

node-1-335åã“ªè˚Ñ‚node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T101 bearing=22 speed=15m/sã

node-1-336åã“ª£”…Ínode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T127 bearing=183 speed=21m/sy

node-1-337åã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=31.7%y

node-1-338åã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=49.7%|

node-1-339åã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=49.4CÖ

node-1-340åã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.4%é

node-1-341åã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-41.6dBmñ

node-1-342åã“ª±∆æÛnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.53 seq=277ñ

node-1-343åã“ªõôÒ˘node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.78 seq=278ó

node-1-344åã“ªìíãnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.75 seq=279ó

node-1-345åã“ªÙò‡≥node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.63 seq=280ñ

node-1-346åã“ª∞Øç∫node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.62 seq=281â

node-1-347åã“ª´îÿ¿node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ track=T114 bearing=83 speed=6m/só

node-1-348åã“ªÉéú∆node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.75 seq=283ä

node-1-349åã“ªëÃ……node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T122 bearing=69 speed=27m/sã

node-1-350åã“ª¸Ñ¨Ínode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T113 bearing=312 speed=29m/sä

node-1-351åã“ª≈∂ÅÆnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T131 bearing=43 speed=14m/sì

node-1-352åã“ªƒ–Ûπnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.80 seq=287ï

node-1-353çã“ª£Ë’node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.59 seq=288ï

node-1-354çã“ªÃÇÄGnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.53 seq=289ì

node-1-355çã“ª”ò°ånode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.75 seq=290ä

node-1-356çã“ªÖ„Ë◊node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T105 bearing=125 speed=9m/sy

node-1-357çã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=32.0%y

node-1-358çã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=50.1%|

node-1-359çã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=49.8CÖ

node-1-360çã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.4%é

node-1-361çã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-41.4dBmä

node-1-362çã“ª±™˜˛node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T137 bearing=61 speed=14m/sã

node-1-363çã“ª°âéónode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T110 bearing=236 speed=26m/sä

node-1-364çã“ª•Ó—ùnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T124 bearing=108 speed=4m/sã

node-1-365çã“ªë¡˚®node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T115 bearing=214 speed=11m/só

node-1-366çã“ª˜·˝Ωnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.53 seq=296ã

node-1-367çã“ª¸Ú≤Ênode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T130 bearing=215 speed=22m/só

node-1-368çã“ª—â◊node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.78 seq=298ó

node-1-369çã“ª…ÒŒÇnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.72 seq=299ñ

node-1-370çã“ªó‰Ï…node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.65 seq=300ã

node-1-371çã“ª˝∑Ö“node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T136 bearing=306 speed=10m/sä

node-1-372çã“ª÷öù◊node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T122 bearing=52 speed=17m/sï

node-1-373éã“ªÂ…πnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.85 seq=303í

node-1-374éã“ªªôØnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.99 seq=304í

node-1-375éã“ªî£ÃPnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.92 seq=305ï

node-1-376éã“ª¥ΩÍinode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.90 seq=306ï

node-1-377éã“ªü¿”tnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.84 seq=307ä

node-1-378éã“ªŸ¬ªânode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T136 bearing=10 speed=16m/sì

node-1-379éã“ª⁄›îènode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.72 seq=309â

node-1-380éã“ª‰‹ü†node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ track=T102 bearing=8 speed=11m/sä

node-1-381éã“ªé˚“´node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T127 bearing=24 speed=14m/sñ

node-1-382éã“ª•íˆ⁄node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.65 seq=312y

node-1-383éã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=32.9%y

node-1-384éã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=51.1%|

node-1-385éã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=50.7CÖ

node-1-386éã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.4%é

node-1-387éã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-42.4dBmñ

node-1-388éã“ªÛïÖnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.64 seq=313ã

node-1-389éã“ª“¡Üßnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T129 bearing=107 speed=15m/sâ

node-1-390éã“ªÿ·ÙÆnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ track=T114 bearing=67 speed=1m/sñ

node-1-391éã“ªà˛Ù¡node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.68 seq=316ä

node-1-392éã“ªú◊ŸÔnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T102 bearing=14 speed=29m/sñ

node-1-393éã“ªÉÃìûnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.53 seq=318ñ

node-1-394éã“ªÓóûünode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.73 seq=319ñ

node-1-395éã“ªòåÿ≈node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.63 seq=320ñ

node-1-396éã“ª§Íõ…node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.93 seq=321ì

node-1-397éã“ª∫ÉÌ÷node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.90 seq=322ï

node-1-398èã“ª¡ıΩnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.64 seq=323ï

node-1-399èã“ª∆ÙÈnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.99 seq=324ñ

node-1-400èã“ªﬁÇƒGnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.87 seq=325ï

node-1-401èã“ªó£¥Hnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.65 seq=326â

node-1-402èã“ª∏–ÅWnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T139 bearing=279 speed=5m/sä

node-1-403èã“ª√Öπanode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T139 bearing=299 speed=26m/sä

node-1-404èã“ª≤çÛÕnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T113 bearing=225 speed=8m/sy

node-1-405èã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=32.0%y

node-1-406èã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=52.4%|

node-1-407èã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=49.6CÖ

node-1-408èã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.4%é

node-1-409èã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-43.1dBmì

node-1-410èã“ª©∞ËÔnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.82 seq=330ã

node-1-411èã“ª…ÆÚ˜node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T139 bearing=214 speed=18m/só

node-1-412èã“ª‡µœênode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.51 seq=332ñ

node-1-413èã“ª˛ì¶∑node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.80 seq=333ì

node-1-414èã“ª˛í÷∑node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.53 seq=334ó

node-1-415èã“ªõÃß∏node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.60 seq=335ñ

node-1-416èã“ª∆ﬁ›Ònode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.86 seq=336ñ

node-1-417èã“ªü‹á˝node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.69 seq=337ã

node-1-418èã“ªƒ–Ûénode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T111 bearing=215 speed=15m/sã

node-1-419èã“ª¶˜—ïnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T104 bearing=323 speed=21m/só

node-1-420èã“ªÕãΩ¢node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.72 seq=340ä

node-1-421èã“ª£˝—≥node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T125 bearing=57 speed=12m/sã

node-1-422èã“ª°∏ç”node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T100 bearing=180 speed=14m/sí

node-1-423êã“ª¬∑˚node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.95 seq=343í

node-1-424êã“ª¢ßâ%node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.53 seq=344ï

node-1-425êã“ªòÎπ%node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.75 seq=345í

node-1-426êã“ªÍÍÛ*node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.57 seq=346ñ

node-1-427êã“ªÃΩ4node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.75 seq=347ï

node-1-428êã“ªœÌŸ7node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.86 seq=348â

node-1-429êã“ª˛È›Xnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T126 bearing=348 speed=8m/sâ

node-1-430êã“ª”§ì]node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T125 bearing=252 speed=4m/sä

node-1-431êã“ªåáÓlnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T133 bearing=173 speed=14m/sï

node-1-432êã“ªßñëtnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.65 seq=352ä

node-1-433êã“ª˙û˚unode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T107 bearing=317 speed=23m/sã

node-1-434êã“ªˇ¢˛ánode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T103 bearing=135 speed=16m/sä

node-1-435êã“ªˇŒö†node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T137 bearing=71 speed=25m/só

node-1-436êã“ª∆˘Ú©node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.75 seq=356y

node-1-437êã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=31.3%y

node-1-438êã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=53.4%|

node-1-439êã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=50.4CÖ

node-1-440êã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.4%é

node-1-441êã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-44.1dBmã

node-1-442êã“ªÅÄìnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T108 bearing=237 speed=13m/sñ

node-1-443êã“ª÷õﬂınode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.96 seq=358ì

node-1-444êã“ªº÷îÑnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.65 seq=359ñ

node-1-445êã“ª‰ò‚Ñnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.84 seq=360ì

node-1-446êã“ªﬂõôénode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.92 seq=361ì

node-1-447êã“ªÆ¬èìnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.77 seq=362ã

node-1-448êã“ªªä…ñnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T131 bearing=127 speed=12m/sã

node-1-449êã“ª˘Œ⁄ñnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T129 bearing=215 speed=24m/sì

node-1-450êã“ªΩ»£¨node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.92 seq=365ì

node-1-451êã“ªå°“≈node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.99 seq=366ñ

node-1-452êã“ªªΩ«node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.96 seq=367ó

node-1-453êã“ªç≥€Ñnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.84 seq=368ñ

node-1-454êã“ªõØﬁénode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.84 seq=369ä

node-1-455êã“ª—è∞§node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T108 bearing=44 speed=22m/só

node-1-456êã“ªŸÔ˚©node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.87 seq=371ñ

node-1-457êã“ª◊Û…≤node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.95 seq=372ï

node-1-458ëã“ªÓö¬node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.74 seq=373â

node-1-459ëã“ª—°Ènode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T132 bearing=296 speed=0m/sï

node-1-460ëã“ªÏ∏’node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.52 seq=375ä

node-1-461ëã“ª∞”æ'node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T131 bearing=229 speed=16m/sã

node-1-462ëã“ªÌ„‘ñnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T112 bearing=239 speed=23m/sñ

node-1-463ëã“ªô»‹ónode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.73 seq=378ó

node-1-464ëã“ª§æÔûnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.78 seq=379ã

node-1-465ëã“ª◊ËÀµnode-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T119 bearing=155 speed=24m/sì

node-1-466ëã“ªÁ¿≤ƒnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.58 seq=381ì

node-1-467ëã“ª®ªƒƒnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.84 seq=382ã

node-1-468ëã“ª€·¨Ànode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ"track=T105 bearing=322 speed=17m/sã

node-1-469ëã“ª”÷∑÷node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T132 bearing=169 speed=24m/sy

node-1-470ëã“ªÄ µÓnode-1"squad-1*health-monitor0:telemetry.cpuBêRtype.peat/telemetry.cpuZ	cpu=29.6%y

node-1-471ëã“ªˆˆóÛnode-1"squad-1*health-monitor0:telemetry.memBêRtype.peat/telemetry.memZ	mem=52.7%|

node-1-472ëã“ªÏ£˙˜node-1"squad-1*health-monitor0:telemetry.tempBêRtype.peat/telemetry.tempZ
temp=50.6CÖ

node-1-473ëã“ª„–‹¸node-1"squad-1*health-monitor0:telemetry.batteryBêRtype.peat/telemetry.batteryZbattery=95.3%é

node-1-474ëã“ªŸ˝æÅnode-1"squad-1*health-monitor0:telemetry.link_rssiBêRtype.peat/telemetry.link_rssiZlink_rssi=-44.0dBmñ

node-1-475ëã“ªıÁ‡Ónode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.61 seq=385ó

node-1-476ëã“ªÿıûÔnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.66 seq=386ä

node-1-477ëã“ªåÃº˜node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T117 bearing=333 speed=7m/sñ

node-1-478ëã“ª¯âá˛node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.50 seq=388ó

node-1-479ëã“ªÓÊ˘ˇnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.84 seq=389ó

node-1-480ëã“ªÿÛ¸înode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.74 seq=390ä

node-1-481ëã“ª√∂ã´node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ!track=T133 bearing=325 speed=2m/sä

node-1-482ëã“ª¡§ﬂ√node-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T104 bearing=22 speed=21m/sñ

node-1-483ëã“ªÿ‰˘Ãnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.58 seq=393u

node-1-484ëã“ª¨Áçœnode-1"squad-1*power-10:anomaly.overheatBÿRtype.peat/anomaly.overheatZtemp=85Cì

node-1-485ëã“ªê≤’‚node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.55 seq=395ñ

node-1-486ëã“ª∂úÑÏnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=person conf=0.85 seq=396ó

node-1-487ëã“ªª÷¿˛node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.93 seq=397ì

node-1-488ëã“ªõ‡±Ñnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.87 seq=398x

node-1-489ëã“ª…É◊ìnode-1"squad-1*rf-monitor-10:anomaly.jamBÿRtype.peat/anomaly.jamZband=L1 jnr=14dBì

node-1-490ëã“ª…·∏únode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.91 seq=400ã

node-1-491ëã“ªÔ’ï°node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T134 bearing=281 speed=27m/sì

node-1-492ëã“ª¿Ìœ≤node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.85 seq=402ì

node-1-493ëã“ª°‰âÀnode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.89 seq=403ã

node-1-494ëã“ªÃÓ¢–node-1"squad-1*	tracker-20:product.trackB¨Rtype.peat/product.trackZ"track=T139 bearing=196 speed=15m/sì

node-1-495ëã“ªœç÷◊node-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.95 seq=405í

node-1-496íã“ªìÄßnode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.85 seq=406ñ

node-1-497íã“ª°Ï‘%node-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vehicle conf=0.52 seq=407â

node-1-498íã“ªìŸíXnode-1"squad-1*	tracker-10:product.trackB¨Rtype.peat/product.trackZ!track=T103 bearing=155 speed=5m/sí

node-1-499íã“ªÈŒãinode-1"squad-1*eo-sensor-20:product.detectionB
¨ ËRtype.peat/product.detectionZclass=uav conf=0.61 seq=409ï

node-1-500íã“ªÃ‡èznode-1"squad-1*eo-sensor-10:product.detectionB
¨ ËRtype.peat/product.detectionZclass=vessel conf=0.63 seq=410