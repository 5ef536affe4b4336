package identity

import "strings"

// frequentSurnames are family names borne by millions worldwide, folded
// as names.Parse folds a family name: a block under one of them may hold
// many people even when the corpus shows few, so initials under it are
// never taken for one person without evidence (split.go) and weak
// matches need more of it (decide).
//
// The lists are the most frequent surnames of each population, in the
// romanisations found in bibliographic data, from these sources (read
// December 2026; the names are facts, the selection ours):
//   - Chinese: the 100 most common surnames of the People's Republic of
//     China by the Ministry of Public Security's household registration
//     count of 2020 (Wikipedia, "List of common Chinese surnames"),
//     in Hanyu Pinyin, with the Wade–Giles and Cantonese spellings used in
//     Taiwan, Hong Kong and Singapore for the most common of them;
//   - Korean: the surnames with more than 400,000 bearers in the 2015
//     South Korean census (Statistics Korea; Wikipedia, "List of Korean
//     surnames"), in Revised and McCune–Reischauer romanisation and the
//     usual variants (Lee/Yi/Rhee, Park/Pak, Jung/Jeong/Chung);
//   - Vietnamese: the surnames borne by about 90% of Vietnamese
//     (Wikipedia, "Vietnamese name", after Lê Trung Hoa, Họ và tên người
//     Việt Nam, 2005), without diacritics;
//   - Indian: the most frequent surnames of India (Wikipedia, "List of
//     most common surnames in Asia", India section, after Forebears),
//     with the Bengali, South Indian and Punjabi surnames frequent in
//     science;
//   - Arabic: the most frequent family names of the Arab world (same
//     page, sections Egypt, Saudi Arabia, Jordan, Lebanon, Iraq, Morocco),
//     with their common romanisations;
//   - and the most frequent surnames of the United States 2010 census,
//     Germany, Japan, Brazil, Italy and Russia that the list held before.
var frequentSurnames = func() map[string]bool {
	m := make(map[string]bool)
	for _, s := range strings.Fields(frequentSurnameList) {
		m[s] = true
	}
	return m
}()

const frequentSurnameList = `
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song
tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen
yao jin fan fu zhong lei hou bai lv jia xia fang zou xiong qiu qin yin yan shi hao kong shao mao wan gu
lai meng long tan qian dai mo kang xiang chang gong wen niu duan yi chu hong tao zhan geng ji yue gan
bao shu jiao zhai ou qi rao mu ni yun ling
chan cheung leung lau ng ho yip chiu chow wong kwok tsang tse yeung fung tam mak lam kwan lo law
hsu hsieh kuo tsai tseng chou chien chiang kao tsao liao chuang chao teng tsui hsiao chu yeh
kim lee yi rhee park pak bak choi choe jung jeong chung kang cho jo yoon yun jang lim im oh seo suh shin
sin kwon hwang ahn an song jeon jun chun hong yoo ryu ko go moon mun son sohn bae baek paik heo hur huh
nam noh roh ha kwak sung seong cha joo ju woo min na ji um eom chae won cheon bang hyun ham yeo byun
choo do seok
nguyen tran le pham hoang huynh phan vu vo dang bui ngo duong ly dinh truong dao doan lam mai trinh
cao luu ta chau quach thai la vuong kieu
singh kumar sharma gupta patel shah das yadav verma reddy rao jain agarwal agrawal mishra pandey joshi
mehta iyer nair menon pillai chopra malhotra kapoor bhat bhatt desai naidu chauhan thakur shukla
srivastava tiwari dubey saxena sinha mukherjee banerjee chatterjee ghosh bose sen roy dutta chakraborty
bhattacharya bhattacharyya bhattacharjee mukhopadhyay chattopadhyay bandyopadhyay dey dasgupta
chowdhury choudhury paul mandal mondal kaur gill sandhu sethi arora bansal goel garg mittal goyal kulkarni patil pawar
jadhav deshmukh naik krishnan subramanian raman murthy prasad babu raju varma mohan chandra
khan ali ahmed ahmad mohammed mohamed muhammad mohammad hassan hasan hussein husain hussain ibrahim
abdullah abdallah mahmoud mahmood mustafa mostafa khalil youssef yousef saleh salem said saeed omar
othman osman hamad hamid rashid nasser kareem karim aziz khalifa jaber haddad khoury abbas ismail
suleiman sulaiman yasin farah mansour nasr qasim kassem amin awad darwish sayed elsayed abdelrahman
hamdan ansari siddiqui qureshi sheikh shaikh
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez
wilson anderson thomas taylor moore jackson martin white harris clark lewis
muller schmidt schneider fischer weber meyer wagner
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato
silva santos oliveira souza pereira costa rossi russo ferrari ivanov smirnov kuznetsov popov petrov
`
